using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Cvety.Infrastructure.Database;
using Cvety.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cvety.IntegrationTests.Foundation;

public sealed class when_operators_probe_the_service(CvetyApi api) : ApiTest(api)
{
    [Fact]
    public async Task health_reports_a_healthy_database()
    {
        var response = await Api.Client().GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Json();
        body.GetProperty("status").GetString().Should().Be("healthy");
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("healthy");
        body.GetProperty("service").GetString().Should().Be("cvety-api");
        // Written with the API's own JSON settings: the version's "+commit" is not escaped for a browser.
        (await response.Content.ReadAsStringAsync()).Should().NotContain("\\u002B");
    }

    [Fact]
    public async Task ready_answers_ready()
    {
        var body = await (await Api.Client().GetAsync("/ready")).Json();
        body.GetProperty("ready").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task metrics_are_prometheus_text_with_request_counts_and_durations()
    {
        await Api.Client().GetAsync("/health");
        var response = await Api.Client().GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("http_requests_received_total").And.Contain("http_request_duration_seconds");
    }

    [Fact]
    public async Task the_openapi_document_and_reference_page_are_served()
    {
        var doc = await Api.Client().GetAsync("/openapi/v1.json");
        doc.StatusCode.Should().Be(HttpStatusCode.OK);
        (await doc.Content.ReadAsStringAsync()).Should().Contain("/api/v1/auth/login");
        (await Api.Client().GetAsync("/scalar/v1")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task every_response_carries_a_request_id()
    {
        var client = Api.Client();
        client.DefaultRequestHeaders.Add("X-Request-Id", "probe-123");
        var response = await client.GetAsync("/health");
        response.Headers.GetValues("X-Request-Id").Should().Equal("probe-123");
    }

    [Fact]
    public async Task an_unreachable_database_is_reported_unhealthy()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marten"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none",
        }).Build();
        var selection = await DatabaseSelection.ResolveAsync(config, NullLogger.Instance);
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks().AddDatabaseCheck(selection.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();

        report.Entries[DatabaseHealth.Name].Status.Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        report.Entries[DatabaseHealth.Name].Exception.Should().NotBeNull();
    }
}
