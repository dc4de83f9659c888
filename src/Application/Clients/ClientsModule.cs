using Cvety.Domain.Clients;
using Cvety.Domain.Orders;
using Cvety.Domain.Reviews;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace Cvety.Application.Clients;

public static class ClientsModule
{
    /// <summary>Clients: event streams per shop, the card projected inline; a Telegram account and a phone name one client per shop.</summary>
    public static StoreOptions AddClients(this StoreOptions opts)
    {
        opts.Projections.Add<ClientCardProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ClientCard>()
            .UniqueIndex(UniqueIndexType.Computed, "uq_client_telegram", TenancyScope.PerTenant, x => x.TelegramUserId!)
            .UniqueIndex(UniqueIndexType.Computed, "uq_client_phone", TenancyScope.PerTenant, x => x.Phone);

        // What an erasure rewrites in stored events (applied only to the streams an erasure names).
        var events = opts.Events;
        events.AddMaskingRuleForProtectedInformation<ClientRegistered>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<ClientRenamed>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<ClientTelegramLinked>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<ClientDetailsChanged>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<ClientNotesChanged>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<OrderPlaced>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<CustomerChanged>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<RecipientChanged>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<DeliveryDetailsChanged>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<PostcardChanged>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<OrderNoteAdded>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<PhotoFeedbackGiven>(PersonalData.Erase);
        events.AddMaskingRuleForProtectedInformation<ReviewSubmitted>(PersonalData.Erase);
        return opts;
    }
}
