using Cvety.Application.Common;
using Marten;

namespace Cvety.Application.Bitrix;

public static class BitrixModule
{
    public static StoreOptions AddBitrix(this StoreOptions opts)
    {
        opts.Schema.For<BitrixOrderLink>().Index(x => x.OrderId);
        opts.Schema.For<PendingBitrixStatus>();
        opts.Schema.For<BitrixProductLink>();
        // Two deliveries of one schedule link racing: the later commit fails and, retried, sees the run done.
        opts.Schema.For<ProductImport>().UseOptimisticConcurrency(true);
        opts.Schema.For<InboundDelivery>().SingleTenanted().Index(x => x.ReceivedAt);
        return opts;
    }
}
