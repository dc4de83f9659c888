using System.Text.Json;
using Cvety.Api.Auth;
using Cvety.Api.Endpoints;
using Cvety.Api.Errors;
using Cvety.Api.Mcp;
using Cvety.Api.Operations;
using Cvety.Application.Common;
using Cvety.Application.Users;
using Cvety.Infrastructure;
using Cvety.Infrastructure.Configuration;
using Cvety.Infrastructure.Database;
using Cvety.Infrastructure.Storage;
using JasperFx;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Prometheus;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using Wolverine;

Log.Logger = new LoggerConfiguration().Enrich.FromLogContext().WriteTo.Console().CreateBootstrapLogger();

// The local cluster, when this process started one, is stopped however the start ends: a crashed start must not
// leave an orphaned PostgreSQL server behind.
DatabaseSelection? database = null;
try
{
    // The switch-over command's own arguments are not the host's: only --Key=value settings go to the host.
    var importing = ImportLegacyCommand.Matches(args);
    var builder = WebApplication.CreateBuilder(importing ? args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray() : args);

    builder.Services.AddSerilog((services, logging) =>
    {
        logging.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
        if (builder.Environment.IsDevelopment()) logging.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}");
        else logging.WriteTo.Console(new RenderedCompactJsonFormatter());
    });

    var startupLogger = new SerilogLoggerFactory(Log.Logger).CreateLogger("Cvety.Startup");
    database = await DatabaseSelection.ResolveAsync(builder.Configuration, startupLogger, builder.Environment.IsDevelopment());
    builder.AddCvetyInfrastructure(database);

    // The API speaks snake_case JSON, like the clients of the backend it replaces.
    builder.Services.Configure<JsonOptions>(o =>
    {
        o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.SerializerOptions.DictionaryKeyPolicy = null;
        // ...and reads its answers as they read the old backend's: legacy names beside Cvety's, naive times (ADR 0024).
        o.SerializerOptions.Converters.Add(new Cvety.Api.Legacy.LegacyTime.NaiveConverter());
        o.SerializerOptions.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { Cvety.Api.Legacy.LegacyShapes.Register(new Cvety.Api.Legacy.LegacyNames()).Apply },
        };
    });
    builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        c.ProblemDetails.Extensions["request_id"] = c.HttpContext.TraceIdentifier);
    builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

    var jwt = JwtSettings.Load(builder.Configuration, builder.Environment, startupLogger);
    builder.Services.AddSingleton(jwt);
    builder.Services.AddSingleton<TokenIssuer>();
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
    builder.Services.AddMemoryCache();
    builder.Services.AddSettings<LoginThrottleSettings>(builder.Configuration, "Cvety:Auth");
    builder.Services.AddSingleton<LoginThrottle>();
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
        .AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenIssuer(jwt, TimeProvider.System).ValidationParameters();
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = SessionCheck.ValidateAsync,
                // Refusals say why in the legacy words the clients know (a detail string; the admin SPA refreshes on 401).
                OnChallenge = Cvety.Api.Auth.Refusals.ChallengeAsync,
                OnForbidden = Cvety.Api.Auth.Refusals.ForbiddenAsync,
            };
        });
    // The staff screens (/admin): an HttpOnly cookie with the same claims as a token, checked against PostgreSQL on
    // every request like one (SessionCheck), Secure outside Development and the test host, SameSite=Strict.
    builder.Services.AddAuthentication()
        .AddCookie(Cvety.Api.Pages.Admin.Ui.Scheme, o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/forbidden";
            o.Cookie.Name = "cvety_admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(jwt.LifetimeMinutes);
            o.Events.OnValidatePrincipal = async context =>
            {
                if (await SessionCheck.ProblemAsync(context.HttpContext, context.Principal!) is not null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Cvety.Api.Pages.Admin.Ui.Scheme);
                }
            };
        });
    builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Cvety.Api.Pages.Admin.UiErrors()));
    // Russian text in the screens' HTML as text, not as &#x...; entities (Razor encodes beyond Basic Latin by default).
    builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
        o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    // One policy per named permission, from the one table (Permissions): the screens ask for these by name.
    builder.Services.AddAuthorization(o =>
    {
        foreach (var (permission, roles) in Cvety.Domain.Users.Permissions.Table)
            o.AddPolicy(permission.ToString(), p => p.RequireRole(roles.Select(Cvety.Domain.Users.UserRoles.Name)));
    });
    builder.Services.AddScoped<Cvety.Api.Mcp.McpContext>();
    builder.Services.AddCvetyMcp();
    builder.Services.AddOpenApi();
    // The two SPAs run on origins of their own; only the configured ones may call with credentials. None by default.
    var origins = builder.Configuration.GetSection("Cvety:Cors:Origins").Get<string[]>() ?? [];
    builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
    {
        if (origins.Length == 0) return;
        p.WithOrigins(origins).AllowCredentials().AllowAnyMethod().WithHeaders("Authorization", "Content-Type", "If-Match", "X-Request-Id")
            .WithExposedHeaders("X-Total-Count", "ETag", "Location", "X-Request-Id", "Retry-After");
    }));
    // Rate limits per client address are the cluster's, kept in PostgreSQL (ClusterRateLimit, ADR 0026).
    builder.Services.AddHostedService<SuperadminBootstrap>();

    var app = builder.Build();

    app.UseMiddleware<RequestIdMiddleware>();
    // The staff screens load nothing from elsewhere and run no inline script.
    app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/admin"))
        {
            http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            http.Response.Headers.XContentTypeOptions = "nosniff";
        }
        return next(http);
    });
    app.UseSerilogRequestLogging();
    app.UseExceptionHandler();
    app.UseCors();
    app.UseMiddleware<RequestTextGuard>();
    app.UseStatusCodePages();
    app.UseHttpMetrics();
    app.UseAuthentication();
    app.UseAuthorization();
    var media = app.Services.GetRequiredService<LocalStorageOptions>();
    Directory.CreateDirectory(media.ResolvedPath);
    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(media.ResolvedPath), RequestPath = media.RequestPath });
    app.UseStaticFiles();

    app.MapOpenApi();
    app.MapScalarApiReference();
    app.MapMetrics();
    app.MapOperationsEndpoints();
    app.MapAuthEndpoints();
    app.MapShopEndpoints();
    app.MapProfileEndpoints();
    app.MapSuperadminEndpoints();
    app.MapShopSettingsEndpoints();
    app.MapClientEndpoints();
    app.MapContentEndpoints();
    app.MapDashboardEndpoints();
    app.MapKaspiEndpoints();
    app.MapOrderEditEndpoints();
    app.MapInventoryEndpoints();
    app.MapProductEndpoints();
    app.MapWarehouseEndpoints();
    app.MapOrderEndpoints();
    app.MapPublicOrderEndpoints();
    app.MapWebhookEndpoints();
    app.MapTelegramEndpoints();
    app.MapDeadLetterEndpoints();
    app.MapCvetyMcp();

    app.MapRazorPages();

    // The switch-over from the legacy database runs and ends; it starts no hosted service, so nothing is sent anywhere.
    if (importing) return await ImportLegacyCommand.RunAsync(app, args);

    // Marten's and Wolverine's command line (`-- projections --rebuild`, `-- describe`, ...); plain `run` serves HTTP.
    return await app.RunJasperFxCommands(args);
}
catch (InvalidSettingsException e)
{
    // A problem a person fixes in configuration: one line that says what and where, no stack trace.
    Log.Fatal("Cvety cannot start: {Problem}", e.Message);
    return 1;
}
finally
{
    if (database?.Local is not null) await database.Local.StopAsync();
    await Log.CloseAndFlushAsync();
}

/// <summary>
/// On start: gives account and shop documents of older databases their streams, then creates the configured superadmin
/// when none exists (Cvety:Bootstrap:AdminPhone / AdminPassword).
/// </summary>
internal sealed class SuperadminBootstrap(IConfiguration configuration, IServiceProvider services, ILogger<SuperadminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        // Not Wolverine's 5 s default for an invocation: a restarted host shares the database with outbox recovery and
        // its first queries are compiled, so this can take longer on a busy machine (seen in CI).
        var timeout = TimeSpan.FromMinutes(1);
        if (await bus.InvokeAsync<int>(new OpenMissingAccountStreams(), cancellationToken, timeout) is > 0 and var opened)
            logger.LogInformation("Opened {Count} account and shop streams for documents made before they were event-sourced", opened);

        var phone = configuration["Cvety:Bootstrap:AdminPhone"];
        var password = configuration["Cvety:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(phone) || string.IsNullOrWhiteSpace(password)) return;

        if (await bus.InvokeAsync<bool>(new EnsureSuperadmin(phone, password), cancellationToken, timeout))
            logger.LogInformation("Created the superadmin {Phone} from configuration", Cvety.Domain.Common.PhoneNumber.Parse(phone).Masked());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public partial class Program;
