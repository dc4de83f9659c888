using Cvety.Domain.Orders;
using Marten.Events.Aggregation;

namespace Cvety.Application.Orders;

/// <summary>
/// Folds an order's events into its write model, <see cref="Order"/>, live on every write. The domain project has
/// no packages, so Marten's source generator cannot see <see cref="Order"/>'s own methods; this projection, in a
/// project that references Marten, hands each event to them.
/// </summary>
public sealed partial class OrderWriteModel : SingleStreamProjection<Order, Guid>
{
    public Order Create(OrderPlaced e) => Order.Create(e);

    public void Apply(OrderPaid e, Order order) => order.Apply(e);
    public void Apply(OrderAccepted e, Order order) => order.Apply(e);
    public void Apply(OrderAssembled e, Order order) => order.Apply(e);
    public void Apply(OrderOutForDelivery e, Order order) => order.Apply(e);
    public void Apply(OrderDelivered e, Order order) => order.Apply(e);
    public void Apply(OrderCancelled e, Order order) => order.Apply(e);
    public void Apply(OrderStateTakenOver e, Order order) => order.Apply(e);
    public void Apply(OrderRefunded e, Order order) => order.Apply(e);
    public void Apply(DeliveryDetailsChanged e, Order order) => order.Apply(e);
    public void Apply(RecipientChanged e, Order order) => order.Apply(e);
    public void Apply(PostcardChanged e, Order order) => order.Apply(e);
    public void Apply(ResponsibleFloristAssigned e, Order order) => order.Apply(e);
    public void Apply(CourierAssigned e, Order order) => order.Apply(e);
    public void Apply(OrderPhotoAdded e, Order order) => order.Apply(e);
    public void Apply(PhotoFeedbackGiven e, Order order) => order.Apply(e);
    public void Apply(OrderLinkedToBitrix e, Order order) => order.Apply(e);
    public void Apply(KaspiPaymentCreated e, Order order) => order.Apply(e);
    public void Apply(KaspiPaymentLinkCreated e, Order order) => order.Apply(e);
    public void Apply(KaspiPaymentStatusReported e, Order order) => order.Apply(e);
    public void Apply(RefundRequested e, Order order) => order.Apply(e);
    public void Apply(RefundFailed e, Order order) => order.Apply(e);
    public void Apply(OrderPhotoRemoved e, Order order) => order.Apply(e);
    public void Apply(CustomerChanged e, Order order) => order.Apply(e);
    public void Apply(PaymentMethodChanged e, Order order) => order.Apply(e);
    public void Apply(DeliveryCostChanged e, Order order) => order.Apply(e);
    public void Apply(OrderLineAdded e, Order order) => order.Apply(e);
    public void Apply(OrderLineRemoved e, Order order) => order.Apply(e);
}
