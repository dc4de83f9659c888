using Cvety.Application.Common;
using Cvety.Application.Shops;
using Cvety.Application.Users;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using Cvety.Application.Bitrix;
using Cvety.Application.Clients;
using Cvety.Application.Content;
using Cvety.Application.Orders;
using Cvety.Infrastructure.Bitrix;
using Cvety.Infrastructure.Payments;
using Cvety.Infrastructure.Configuration;
using Cvety.Infrastructure.Database;
using Cvety.Infrastructure.Development;
using Cvety.Infrastructure.Storage;
using Cvety.Infrastructure.Search;
using Cvety.Application.Products;
using Microsoft.Extensions.Configuration;
using FluentValidation;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
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
        services.AddHealthChecks().AddDatabaseCheck(database.ConnectionString);
        services.AddSingleton(TimeProvider.System);
        // Limits that hold for the cluster (sign-in failures, sign-ups, public routes, Telegram's pace): ADR 0026.
        services.AddSingleton(_ => new Npgsql.NpgsqlDataSourceBuilder(database.ForConnections).Build());
        services.AddSingleton<ClusterLimits>();
        services.AddHostedService<ClusterLimitsCleanup>();
        var storage = services.AddSettings<LocalStorageOptions>(builder.Configuration, "Cvety:Storage");
        services.AddCatalog(builder.Configuration, storage);

        var (kaspi, telegram) = services.AddPaymentsAndNotifications(builder.Configuration);

        services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                var reactions = sp.GetRequiredService<Cvety.Application.Reactions>();
                opts.Connection(database.ForConnections);
                opts.DatabaseSchemaName = "cvety";
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);

                // Every document and every event stream belongs to a shop unless said otherwise: a query or a
                // session opened without a shop sees nothing of any shop's data. See docs/decisions/0003.
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                opts.Events.MetadataConfig.EnableAll();
                // EnableAll leaves out the user name column; an auditor reading the event table sees who from it (EventOrigins).
                opts.Events.MetadataConfig.UserNameEnabled = true;
                // Every write fetches its stream first (FetchForWriting), so Marten knows the version and appends with
                // plain inserts and one version-checked update instead of the quick-append function: measured cheaper
                // in PostgreSQL (docs/decisions/0009).
                opts.Events.AppendMode = JasperFx.Events.EventAppendMode.Rich;
                // The aggregate an aggregate handler fetched is the one its inline projection applies to at commit,
                // instead of being read again (Wolverine's recommendation for the aggregate handler workflow).
                opts.Events.UseIdentityMapForAggregates = true;
                // Who and from where, on every event's metadata, read from the event itself (its By origin).
                opts.Listeners.Add(new EventOrigins());
                // What the committed events set going, into the same transaction's outbox (docs/decisions/0029).
                opts.Listeners.Add(new Cvety.Application.RaiseReactionsOnCommit(reactions));

                opts.AddAccounts();
                opts.AddOrders();
                opts.AddBitrix();
                opts.AddProducts();
                opts.AddClients();
                opts.AddContent();
                Cvety.Application.Import.ImportModule.AddImport(opts);
                foreach (var table in ClusterLimits.Tables(opts.DatabaseSchemaName)) opts.Storage.ExtendedSchemaObjects.Add(table);
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();

        var bitrix = services.AddBitrix(builder.Configuration);
        services.AddSingleton<Cvety.Application.Reactions>();
        services.AddSettings<Cvety.Application.Clients.BotOptions>(builder.Configuration, Cvety.Application.Clients.BotOptions.Section);

        // Every validator of the use cases, found and registered by FluentValidation's own scanner (singletons: they hold no state).
        services.AddValidatorsFromAssemblyContaining<CreateShop>(ServiceLifetime.Singleton);
        // The messages that have one, read from those registrations rather than from a second scan.
        var validated = services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0]).ToHashSet();

        builder.UseWolverine(opts =>
        {
            opts.ServiceName = "cvety";
            opts.ApplicationAssembly = typeof(CreateShop).Assembly;
            // Typed HttpClients are built by IHttpClientFactory, which generated code cannot inline: only these are located.
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IBitrixClient>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<Cvety.Application.Payments.IKaspiPay>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<Cvety.Application.Notifications.ITelegramBot>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<Cvety.Application.Search.IImageEmbedder>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IImageStorage>();
            opts.CodeGeneration.AlwaysUseServiceLocationFor<IRemoteImages>();
            // A node that died (kill -9) leaves inbox and outbox rows it still owns. Wolverine releases them once the
            // node's heartbeat is stale and its row is ejected; with the library's defaults that took about 75 s.
            // Heartbeats every second, stale after six, and sweeps every second bring a restart's recovery under 15 s
            // (test: when_a_host_dies_with_messages_in_its_outbox). Six seconds without a heartbeat is far beyond a
            // live node's pauses, so a busy node is not taken for a dead one. See docs/decisions/0012.
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.FirstHealthCheckExecution = TimeSpan.Zero;
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(6);
            opts.Durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.FirstNodeReassignmentExecution = TimeSpan.Zero;
            opts.Durability.OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
            // The backstop for rows a live node holds but lost track of (a handler that hung, a connection cut under
            // it): after five minutes any node may take them. Handlers running longer keep their rows fresh
            // (Wolverine's stale-clock heartbeat), so this does not run a slow Bitrix call twice. See docs/decisions/0026.
            opts.Durability.InboxStaleTime = TimeSpan.FromMinutes(5);
            opts.Durability.OutboxStaleTime = TimeSpan.FromMinutes(5);
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.Policies.Add(new FluentValidationPolicy(validated));

            // Two writers on one order without If-Match: the loser decides again on the fresh state. With If-Match
            // the version stays stale, so the retry fails the same way and the caller gets 412.
            opts.OnException<JasperFx.ConcurrencyException>().RetryTimes(2);
            // Two deliveries of the same thing racing: the loser's insert of the same key fails; run again, it finds the winner's.
            opts.OnException<DocumentAlreadyExistsException>().RetryTimes(2);
            opts.OnException<AggregateException>(e => e.InnerExceptions.All(x => x is DocumentAlreadyExistsException)).RetryTimes(2);

            opts.AddBitrix(bitrix);
            opts.AddPaymentsAndNotifications(kaspi, telegram);
            opts.AddCatalog();
        });

        return builder;
    }
}
