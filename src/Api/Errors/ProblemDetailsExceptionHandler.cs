using System.Text.Json;
using Cvety.Application.Common;
using Cvety.Domain.Common;
using Cvety.Domain.Orders;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Cvety.Api.Errors;

/// <summary>
/// The one place where failures become RFC 9457 problem details: bad JSON 400, failed validation 422 naming the
/// fields, wrong credentials 401, wrong role 403, missing or another shop's 404, broken rule 409, stale version 412.
/// Anything else is a 500 without internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception is JasperFx.ConcurrencyException
            ? Concurrency(context.Request.Headers.IfMatch.Count > 0)
            : Map(exception);
        if (problem.Status >= 500) logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Request refused with {Status}: {Detail}", problem.Status, problem.Detail);

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } a => Map(a.InnerExceptions[0]),
        ValidationException v => Validation(v),
        BadHttpRequestException b => BadRequest(b),
        AuthenticationFailedException a => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", a.Message),
        ForbiddenException f => Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Message),
        ShopUnavailableException s => Problem(StatusCodes.Status403Forbidden, "Shop unavailable", s.Message),
        JasperFx.Events.ExistingStreamIdCollisionException => Problem(StatusCodes.Status409Conflict, "Conflict", "That record already exists."),
        NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not Found", n.Message),
        Mcp.TooManyCallsException t => Problem(StatusCodes.Status429TooManyRequests, "Too Many Requests", t.Message),
        InvalidTransitionException t => Transition(t),
        ConflictException c => Problem(StatusCodes.Status409Conflict, "Conflict", c.Message),
        DomainException d => Problem(StatusCodes.Status409Conflict, "Conflict", d.Message),
        Cvety.Application.Payments.KaspiUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "Kaspi Pay is unavailable", "Kaspi Pay did not answer; try again in a minute."),
        Cvety.Application.Bitrix.BitrixPayloadException b => Problem(StatusCodes.Status400BadRequest, "Bad Request", b.Message),
        Cvety.Application.Search.ImageUnreadableException i => Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable image", i.Message),
        Cvety.Application.Search.EmbeddingUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "Photo search is unavailable", "The embedding service did not answer; try again in a minute."),
        Cvety.Application.Bitrix.BitrixUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "Bitrix is unavailable", "Bitrix did not answer; try again later."),
        Cvety.Application.Bitrix.BitrixRejectedException r => Problem(StatusCodes.Status502BadGateway, "Bitrix refused", r.Message),
        Cvety.Application.Payments.KaspiRejectedException k => Problem(StatusCodes.Status502BadGateway, "Kaspi Pay refused", k.Message),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => Problem(StatusCodes.Status409Conflict, "Conflict", "That record already exists."),
        JasperFx.DocumentAlreadyExistsException => Problem(StatusCodes.Status409Conflict, "Conflict", "That record already exists."),
        Marten.Exceptions.MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            Problem(StatusCodes.Status409Conflict, "Conflict", "That record already exists."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Internal Server Error", "Something went wrong on our side; it has been logged."),
    };

    private static ProblemDetails Transition(InvalidTransitionException t)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "Transition not allowed", t.Message);
        problem.Extensions["current_status"] = t.Current.Name();
        problem.Extensions["requested_status"] = t.Requested.Name();
        return problem;
    }

    /// <summary>With If-Match the caller's version is stale (412); without it, others kept writing faster than we could retry (409).</summary>
    private static ProblemDetails Concurrency(bool ifMatch) => ifMatch
        ? Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", "The order has changed since the version in If-Match; reload it and try again.")
        : Problem(StatusCodes.Status409Conflict, "Conflict", "The order was changed by someone else at the same moment; reload it and try again.");

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Validation failed",
            // One failure is said in its own words (the admin SPA shows, and translates, the detail); several are listed by field.
            Detail = errors.Count == 1 && errors.First().Value.Length == 1 ? errors.First().Value[0] : "Fields failed validation: " + string.Join(", ", errors.Keys),
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        // The body could not be read as JSON of the expected shape: say where, when the parser knows.
        if (exception.InnerException is JsonException { Path: { } path } json)
        {
            var field = path.TrimStart('$', '.');
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field.Length == 0 ? "body" : field] = [json.Message.Split(" Path:")[0]],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed request body",
                Detail = field.Length == 0 ? "The body is not valid JSON." : $"The body is not valid JSON at '{field}'.",
            };
        }
        var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : StatusCodes.Status400BadRequest;
        return Problem(status, status == StatusCodes.Status413PayloadTooLarge ? "Payload Too Large" : "Bad Request", exception.Message);
    }

    /// <summary>FluentValidation's property path in the API's snake_case: <c>Items[0].ProductId</c> -> <c>items[0].product_id</c>.</summary>
    public static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part =>
        {
            var bracket = part.IndexOf('[');
            return bracket < 0
                ? JsonNamingPolicy.SnakeCaseLower.ConvertName(part)
                : JsonNamingPolicy.SnakeCaseLower.ConvertName(part[..bracket]) + part[bracket..];
        }));
}
