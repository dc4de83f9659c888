using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Cvety.Infrastructure.Database;
using FluentValidation;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Infrastructure;

public static class CvetyInfrastructure
{
    /// <summary>
    /// Marten (event store and documents, tenanted by shop) and Wolverine (the in-process bus and the durable
    /// inbox/outbox, stored in the same PostgreSQL database), wired in one place.
    /// </summary>
    public static IHostApplicationBuilder AddCvetyInfrastructure(this IHostApplicationBuilder builder, DatabaseSelection database)
    {
        var services = builder.Services;
        services.AddSingleton(database);
        // First, so that it stops last: see LocalPostgresLifetime.
        services.AddHostedService<LocalPostgresLifetime>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton(TimeProvider.System);

        services.AddMarten(opts =>
            {
                opts.Connection(database.ConnectionString);
                opts.DatabaseSchemaName = "cvety";
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);

                // Every document and every event stream belongs to a shop unless said otherwise: a query or a
                // session opened without a shop sees nothing of any shop's data. See docs/decisions/0003.
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                opts.Events.MetadataConfig.EnableAll();

                opts.Schema.For<Shop>().SingleTenanted();
                opts.Schema.For<User>().SingleTenanted().UniqueIndex(u => u.Phone);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();

        var validators = FluentValidationPolicy.ValidatorsIn(typeof(CreateShop).Assembly);
        foreach (var (message, validator) in validators)
            services.AddSingleton(typeof(IValidator<>).MakeGenericType(message), validator);

        builder.UseWolverine(opts =>
        {
            opts.ServiceName = "cvety";
            opts.ApplicationAssembly = typeof(CreateShop).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.Policies.Add(new FluentValidationPolicy(validators.Keys.ToHashSet()));
        });

        return builder;
    }
}
