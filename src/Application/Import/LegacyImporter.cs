using System.Globalization;
using Cvety.Application.Clients;
using Cvety.Application.Content;
using Cvety.Application.Inventory;
using Cvety.Application.Orders;
using Cvety.Application.Payments;
using Cvety.Application.Products;
using Cvety.Application.Shops;
using Cvety.Domain.Clients;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Orders;
using Cvety.Domain.Products;
using Cvety.Domain.Reviews;
using Cvety.Domain.Shops;
using Cvety.Domain.Users;
using JasperFx.Events;
using Marten;

namespace Cvety.Application.Import;

/// <summary>What a run imports and how.</summary>
public sealed record ImportOptions(LegacyClock Clock, IReadOnlyCollection<int>? Shops = null, bool DryRun = false, int BatchSize = 500);

/// <summary>
/// Where a legacy row has gone: written with the events that imported it, in the same transaction, so that a run
/// killed half way leaves no half-imported row and the next run knows exactly what is done. For rows with children
/// (an order's history, an item's operations) it keeps the last child imported; a later run adds only what follows.
/// </summary>
public sealed class LegacyImportMark
{
    public string Id { get; set; } = "";
    public int LastChildId { get; set; }

    /// <summary>A hash of the legacy rows as they were imported: the same again, and there is nothing to compare.</summary>
    public string? Fingerprint { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// The switch-over: a shop's legacy database becomes Cvety's events, each at the time it happened and marked as taken
/// over (<see cref="Sources.LegacyImport"/>). Nothing goes through the use cases' handlers, so nothing is sent to
/// Bitrix, Kaspi or Telegram; the inline projections build the read models as they do for new data. Repeatable: a
/// second run adds nothing, a run after the legacy database changed adds exactly the changes, after the imported events.
/// </summary>
public sealed class LegacyImporter(IDocumentStore store, TimeProvider time)
{
    private const string TakenOver = "Taken over from the legacy system";

    public async Task<ImportReport> RunAsync(LegacySnapshot legacy, ImportOptions options, Action<ImportProgress>? progress, CancellationToken ct)
    {
        var report = new ImportReport { DryRun = options.DryRun, ClockRule = options.Clock.Rule, StartedAt = time.GetUtcNow() };
        var shopIds = legacy.Shops.Select(s => s.Id).ToHashSet();
        ReportRowsWithoutShop(legacy, shopIds, report);
        foreach (var shop in legacy.Shops.OrderBy(s => s.Id))
        {
            if (options.Shops is { Count: > 0 } only && !only.Contains(shop.Id)) continue;
            var shopReport = new ShopReport { ShopId = shop.Id, Name = shop.Name };
            report.Shops.Add(shopReport);
            await new ShopRun(store, legacy, shop, options, shopReport, progress).RunAsync(ct);
        }
        report.FinishedAt = time.GetUtcNow();
        return report;
    }

    private static void ReportRowsWithoutShop(LegacySnapshot legacy, HashSet<int> shops, ImportReport report)
    {
        void Check<T>(string table, IEnumerable<T> rows, Func<T, int?> shop, Func<T, int> id)
        {
            foreach (var row in rows)
                if (shop(row) is not { } s || !shops.Contains(s))
                    report.WithoutShop.Add(new SkippedRow(table, id(row), shop(row) is { } unknown ? $"shop {unknown} does not exist" : "no shop_id"));
        }
        Check("order", legacy.Orders, o => o.ShopId, o => o.Id);
        Check("product", legacy.Products, p => p.ShopId, p => p.Id);
        Check("client", legacy.Clients, c => c.ShopId, c => c.Id);
        Check("warehouseitem", legacy.WarehouseItems, i => i.ShopId, i => i.Id);
        Check("inventorycheck", legacy.Checks, c => c.ShopId, c => c.Id);
        Check("faq", legacy.Faqs, f => f.ShopId, f => f.Id);
        Check("staticpage", legacy.Pages, p => p.ShopId, p => p.Id);
        Check("companyreview", legacy.Reviews.Where(r => r.ProductId is null), r => r.ShopId, r => r.Id);
        // Accounts of no shop: the platform's own (superadmin), or staff whose shop nothing tells (no shop, no inviter's, no shop they own).
        foreach (var user in legacy.Users)
        {
            var owns = legacy.Shops.Any(s => s.OwnerId == user.Id);
            var inviter = legacy.Users.FirstOrDefault(u => u.Id == user.InvitedBy);
            if (user.ShopId is { } s && shops.Contains(s) || owns || inviter?.ShopId is { } i && shops.Contains(i)) continue;
            report.WithoutShop.Add(new SkippedRow("user", user.Id, user.IsSuperadmin || LegacyReading.Role(user.Role) == Domain.Users.UserRole.Superadmin
                ? "a platform account (superadmin), not a shop's; Cvety has its own" : "belongs to no shop"));
        }
    }

    /// <summary>An event at the time it happened: Marten keeps a timestamp set before saving (Rich append mode).</summary>
    public static IEvent At(object data, DateTimeOffset at)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Timestamp = at;
        return e;
    }

    /// <summary>One shop's import, table by table, in the order their references need.</summary>
    private sealed class ShopRun(IDocumentStore store, LegacySnapshot legacy, LegacyShopRow shop, ImportOptions options, ShopReport report, Action<ImportProgress>? progress)
    {
        private readonly string _tenant = Shop.TenantIdFor(shop.Id);
        private readonly LegacyClock _clock = options.Clock;
        private readonly Dictionary<int, (Guid Id, string Name)> _users = [];
        private readonly Dictionary<int, Guid> _orders = [];
        private Dictionary<string, LegacyImportMark> _marks = [];

        private DateTimeOffset At(DateTime? stored, DateTimeOffset? otherwise = null) => _clock.At(stored) ?? otherwise ?? _clock.At(shop.CreatedAt) ?? DateTimeOffset.UnixEpoch;

        public async Task RunAsync(CancellationToken ct)
        {
            await using (var query = store.QuerySession(_tenant))
                _marks = (await query.Query<LegacyImportMark>().ToListAsync(ct)).ToDictionary(m => m.Id);
            // Orders are known by id before the ledger is read: a sale names the order it sold for.
            foreach (var row in legacy.Orders.Where(o => o.ShopId == shop.Id)) _orders[row.Id] = LegacyReading.IdOf("order", row.Id);
            await ImportShopAsync(ct);
            await ImportUsersAsync(ct);
            await ImportClientsAsync(ct);
            await ImportWarehouseAsync(ct);
            await ImportProductsAsync(ct);
            await ImportOrdersAsync(ct);
            await ImportReservationsAndChecksAsync(ct);
            await ImportContentAsync(ct);
            await ContinueNumberingAsync(ct);
            await TotalsAsync(ct);
        }

        private async Task SaveAsync(IDocumentSession session, CancellationToken ct)
        {
            if (!options.DryRun) await session.SaveChangesAsync(ct);
        }

        private void Mark(IDocumentSession session, string id, int lastChild = 0, string? fingerprint = null)
        {
            var mark = new LegacyImportMark { Id = id, LastChildId = lastChild, Fingerprint = fingerprint, ImportedAt = DateTimeOffset.UtcNow };
            _marks[id] = mark;
            session.Store(mark);
        }

        private static void Stamp(IDocumentSession session)
        {
            session.LastModifiedBy = "legacy";
            session.SetHeader("source", Sources.LegacyImport);
        }

        // ---- The shop: its settings, hours, delivery, pickup points, name, city, block state.

        private async Task ImportShopAsync(CancellationToken ct)
        {
            var table = report.Table("shop");
            table.Read++;
            await using var session = store.LightweightSession();
            Stamp(session);
            var by = Origin.Legacy();
            var stream = ShopStreams.StreamOf(shop.Id);
            var existing = await ShopStreams.FindAsync(session, shop.Id, ct);
            var created = At(shop.CreatedAt);
            var updated = At(shop.UpdatedAt, created);
            var city = string.IsNullOrWhiteSpace(shop.City) ? "Астана" : ShopCities.Normalise(shop.City);
            var events = new List<IEvent>();
            ShopWithSettings? current = null;
            if (existing is null)
            {
                events.Add(LegacyImporter.At(new ShopOpened(shop.Id, shop.Name.Trim(), city, LegacyReading.Phone(shop.Phone), shop.Address?.Trim(), new Money(shop.DeliveryCost), by), created));
                table.Imported++;
            }
            else current = await ShopWithSettings.LoadAsync(session, shop.Id, ct);

            var pickups = legacy.PickupLocations.Where(p => p.ShopId == shop.Id && p.Enabled).OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
                .Select(p => string.IsNullOrWhiteSpace(p.Landmark) ? p.Address.Trim() : $"{p.Address.Trim()} ({p.Landmark.Trim()})").ToList();
            var profile = (current?.Profile ?? new ShopProfile()) with
            {
                Address = shop.Address?.Trim(), Phone = LegacyReading.Phone(shop.Phone), PickupPoints = pickups.Count > 0 ? pickups : current?.Profile.PickupPoints,
            };
            var week = (current?.Hours ?? WorkingHours.Default).WithGroups(Group(shop.WeekdayStart, shop.WeekdayEnd, shop.WeekdayClosed), Group(shop.WeekendStart, shop.WeekendEnd, shop.WeekendClosed));
            var hours = new WorkingHours(week, current?.Hours.Exceptions ?? [], WorkingHours.KazakhstanOffset);
            var zones = (current?.Delivery.Zones ?? [new DeliveryZone("Город", new Money(shop.DeliveryCost))]).ToList();
            zones[0] = zones[0] with { Price = new Money(shop.DeliveryCost), FreeFrom = shop.FreeDeliveryAmount > 0 ? new Money(shop.FreeDeliveryAmount) : null };
            var delivery = (current?.Delivery ?? DeliverySettings.DefaultFor(new Money(shop.DeliveryCost))) with
            {
                Zones = zones, PickupAvailable = shop.PickupAvailable || !shop.DeliveryAvailable, DeliveryAvailable = shop.DeliveryAvailable,
            };
            if (current is null || !SameProfile(current.Profile, profile)) events.Add(LegacyImporter.At(new ShopProfileChanged(shop.Id, profile, by), updated));
            if (current is null || !SameHours(current.Hours, hours)) events.Add(LegacyImporter.At(new WorkingHoursSet(shop.Id, hours, by), updated));
            if (current is null || !SameDelivery(current.Delivery, delivery)) events.Add(LegacyImporter.At(new DeliverySettingsSet(shop.Id, delivery, by), updated));
            if (existing is not null && (existing.Name != shop.Name.Trim() || existing.City != city))
                events.Add(LegacyImporter.At(new ShopRenamed(shop.Id, shop.Name.Trim(), city, by), updated));
            var blocked = existing?.IsBlocked ?? false;
            if (blocked == shop.IsActive)
                events.Add(LegacyImporter.At(shop.IsActive ? new ShopUnblocked(shop.Id, TakenOver, by) : new ShopBlocked(shop.Id, "Blocked in the legacy system", by), updated));

            if (existing is null) session.Events.StartStream(stream, events.Cast<object>().ToArray());
            else if (events.Count > 0) session.Events.Append(stream, events.Cast<object>().ToArray());
            if (existing is not null) { if (events.Count > 0) table.Updated++; else table.Unchanged++; }
            await SaveAsync(session, ct);
        }

        private static (TimeOnly? Opens, TimeOnly? Closes)? Group(string? start, string? end, bool closed) =>
            closed || !HourText.TryParse(start, out var opens) || !HourText.TryParse(end, out var closes) || closes <= opens ? (null, null) : (opens, closes);

        private static bool SameProfile(ShopProfile a, ShopProfile b) =>
            a.Address == b.Address && a.Phone == b.Phone && (a.PickupPoints ?? []).SequenceEqual(b.PickupPoints ?? []) && a with { PickupPoints = null } == b with { PickupPoints = null };

        private static bool SameHours(WorkingHours a, WorkingHours b) => a.UtcOffset == b.UtcOffset && a.Week.SequenceEqual(b.Week) && a.Exceptions.SequenceEqual(b.Exceptions);

        private static bool SameDelivery(DeliverySettings a, DeliverySettings b) => a.Zones.SequenceEqual(b.Zones) && a with { Zones = [] } == b with { Zones = [] };

        // ---- Staff accounts: the legacy bcrypt hash as it is (verified and replaced at the first sign-in), role, state.

        private async Task ImportUsersAsync(CancellationToken ct)
        {
            var table = report.Table("user");
            var staffIds = legacy.Users.Where(u => u.ShopId == shop.Id || u.Id == shop.OwnerId
                || (u.ShopId is null && u.InvitedBy is { } inviter && legacy.Users.Any(i => i.Id == inviter && i.ShopId == shop.Id))).ToList();
            await using var session = store.LightweightSession();
            Stamp(session);
            foreach (var u in staffIds)
            {
                table.Read++;
                var role = LegacyReading.Role(u.Role);
                var id = LegacyReading.IdOf("user", u.Id);
                var name = string.IsNullOrWhiteSpace(u.Name) ? u.Phone : u.Name.Trim();
                if (u.IsSuperadmin || role == UserRole.Superadmin) { report.Skip("user", u.Id, "a platform account (superadmin), not a shop's; Cvety has its own"); continue; }
                if (role is not { } known) { report.Skip("user", u.Id, $"unknown role '{u.Role}'"); continue; }
                if (string.Equals(u.Role, "ADMIN", StringComparison.OrdinalIgnoreCase)) report.Warnings.Add($"user {u.Id}: role ADMIN taken over as MANAGER");
                if (LegacyReading.Phone(u.Phone) is not { } phone) { report.Skip("user", u.Id, $"phone '{u.Phone}' is not a phone number"); continue; }
                var current = await session.LoadAsync<User>(id, ct);
                _users[u.Id] = (id, name);
                var by = Origin.Legacy();
                var updated = At(u.UpdatedAt);
                if (current is null)
                {
                    if (await session.Query<User>().AnyAsync(x => x.Phone == phone, ct)) { _users.Remove(u.Id); report.Skip("user", u.Id, $"phone {phone} already has a Cvety account"); continue; }
                    var events = new List<object> { LegacyImporter.At(new UserRegistered(id, name, phone, u.PasswordHash, known, shop.Id, null, by), At(u.CreatedAt)) };
                    if (!u.IsActive) events.Add(LegacyImporter.At(new UserDeactivated(id, "Inactive in the legacy system", by), updated));
                    session.Events.StartStream<User>(id, events.ToArray());
                    table.Imported++;
                    continue;
                }
                var changes = new List<object>();
                if (current.Name != name) changes.Add(LegacyImporter.At(new UserProfileChanged(id, name, current.Email, by), updated));
                if (current.Role != known && u.IsActive) changes.Add(LegacyImporter.At(new UserRoleChanged(id, current.Role, known, by), updated));
                if (current.IsActive && !u.IsActive) changes.Add(LegacyImporter.At(new UserDeactivated(id, "Inactive in the legacy system", by), updated));
                else if (!current.IsActive && u.IsActive) changes.Add(LegacyImporter.At(new UserReactivated(id, known, by), updated));
                if (changes.Count > 0) { session.Events.Append(id, changes.ToArray()); table.Updated++; }
                else table.Unchanged++;
            }
            foreach (var invitation in legacy.Invitations.Where(i => staffIds.Any(u => u.Id == i.InvitedBy) && string.Equals(i.Status, "PENDING", StringComparison.OrdinalIgnoreCase)))
            {
                report.Table("teaminvitation").Read++;
                report.Skip("teaminvitation", invitation.Id, "pending invitations are not carried over: invite the person again in Cvety");
            }
            await SaveAsync(session, ct);
        }

        // ---- Clients, merged by normalised phone: name, notes, Telegram, the privacy opt-out.

        private async Task ImportClientsAsync(CancellationToken ct)
        {
            var table = report.Table("client");
            var rows = legacy.Clients.Where(c => c.ShopId == shop.Id).OrderBy(c => c.Id).ToList();
            table.Read = rows.Count;
            var byPhone = new Dictionary<string, List<LegacyClientRow>>();
            foreach (var row in rows)
            {
                if (LegacyReading.Phone(row.Phone) is not { } phone) { report.Skip("client", row.Id, $"phone '{row.Phone}' is not a phone number"); continue; }
                if (!byPhone.TryGetValue(phone, out var list)) byPhone[phone] = list = [];
                list.Add(row);
            }
            foreach (var (phone, list) in byPhone.Where(p => p.Value.Count > 1))
                report.Warnings.Add($"clients {string.Join(", ", list.Select(c => c.Id))} share phone {phone}: merged into one card");

            await using var session = store.LightweightSession(_tenant);
            Stamp(session);
            var by = Origin.Legacy();
            foreach (var (phone, list) in byPhone)
            {
                var id = ClientIds.For(shop.Id, phone);
                var first = list[0];
                var name = list.Select(c => c.Name?.Trim()).FirstOrDefault(n => !string.IsNullOrEmpty(n) && !n.StartsWith("Клиент +", StringComparison.Ordinal))
                    ?? list.Select(c => c.Name?.Trim()).FirstOrDefault(n => !string.IsNullOrEmpty(n));
                var notes = string.Join("\n", list.Select(c => c.Notes?.Trim()).Where(n => !string.IsNullOrEmpty(n)).Distinct());
                var telegram = list.FirstOrDefault(c => long.TryParse(c.TelegramUserId, NumberStyles.None, CultureInfo.InvariantCulture, out _));
                var optedOut = list.Any(c => c.AllowPersonalization == false);
                var at = At(first.CreatedAt);
                var updated = At(list.Max(c => c.UpdatedAt) ?? first.UpdatedAt, at);
                var state = await session.Events.FetchStreamStateAsync(id, ct);
                var card = state is null ? null : await session.LoadAsync<ClientCard>(id, ct);
                var events = new List<object>();
                if (state is null) events.Add(LegacyImporter.At(new ClientRegistered(id, shop.Id, phone, name, by), at));
                else if (name is not null && card?.Name != name) events.Add(LegacyImporter.At(new ClientRenamed(id, name, by), updated));
                if (notes.Length > 0 && card?.Notes != notes) events.Add(LegacyImporter.At(new ClientNotesChanged(id, notes, by), updated));
                if (telegram is not null && long.Parse(telegram.TelegramUserId!, CultureInfo.InvariantCulture) is var tg && card?.TelegramUserId != tg)
                    events.Add(LegacyImporter.At(new ClientTelegramLinked(id, tg, telegram.TelegramUsername, telegram.TelegramFirstName, by), updated));
                if (optedOut && (card?.PersonalisationAllowed ?? true)) events.Add(LegacyImporter.At(new ClientPrivacyChanged(id, false, by), updated));
                if (events.Count == 0) { table.Unchanged += list.Count; continue; }
                if (state is null) { session.Events.StartStream(id, events.ToArray()); table.Imported += list.Count; }
                else { session.Events.Append(id, events.ToArray()); table.Updated += list.Count; }
            }
            await SaveAsync(session, ct);
        }

        // ---- Warehouse items and their ledger: stock equal to the legacy balance_after.

        private async Task ImportWarehouseAsync(CancellationToken ct)
        {
            var table = report.Table("warehouseitem");
            var operations = report.Table("warehouseoperation");
            var items = legacy.WarehouseItems.Where(i => i.ShopId == shop.Id).OrderBy(i => i.Id).ToList();
            var opsByItem = legacy.Operations.ToLookup(o => o.ItemId);
            table.Read = items.Count;
            await using var session = store.LightweightSession(_tenant);
            Stamp(session);
            var by = Origin.Legacy();
            foreach (var row in items)
            {
                var id = LegacyReading.IdOf("warehouseitem", row.Id);
                var mark = _marks.GetValueOrDefault($"warehouseitem:{row.Id}");
                var current = mark is null ? null : await session.LoadAsync<WarehouseItem>(id, ct);
                var created = At(row.CreatedAt);
                var updated = At(row.UpdatedAt, created);
                var item = current ?? WarehouseItem.Create(new WarehouseItemAdded(id, shop.Id, row.Name.Trim(), new Money(row.CostPrice), new Money(row.RetailPrice), row.MinQuantity ?? 0, row.Image, by));
                var events = new List<object>();
                if (current is null)
                    events.Add(LegacyImporter.At(new WarehouseItemAdded(id, shop.Id, row.Name.Trim(), new Money(row.CostPrice), new Money(row.RetailPrice), row.MinQuantity ?? 0, row.Image, by), created));
                var last = mark?.LastChildId ?? 0;
                var floor = current is null ? created : DateTimeOffset.MinValue;
                foreach (var op in opsByItem[row.Id].Where(o => o.Id > last).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id))
                {
                    operations.Read++;
                    var at = At(op.CreatedAt, updated);
                    if (at < floor) at = floor;
                    floor = at;
                    if (Operation(op, item, id, by) is { } e)
                    {
                        item = WarehouseItem.Evolve(item, e);
                        events.Add(LegacyImporter.At(e, at));
                        operations.Imported++;
                    }
                    else operations.Unchanged++;
                    last = Math.Max(last, op.Id);
                }
                // What the item row says now and the ledger does not reach: taken over at its last update.
                var end = updated < floor ? floor : updated;
                if (item.Quantity != row.Quantity) AddItem(new StockCounted(id, row.Quantity, row.Quantity - item.Quantity, by));
                if (item.Name != row.Name.Trim()) AddItem(new ItemRenamed(id, row.Name.Trim(), by));
                if (item.CostPrice.Tiyn != row.CostPrice || item.RetailPrice.Tiyn != row.RetailPrice) AddItem(new ItemPriceChanged(id, new Money(row.CostPrice), new Money(row.RetailPrice), by));
                if (item.MinQuantity != (row.MinQuantity ?? 0)) AddItem(new MinQuantitySet(id, row.MinQuantity ?? 0, by));
                if (item.Image != row.Image) AddItem(new ItemPhotoChanged(id, row.Image, by));
                if (row.CostPrice is > 0 and < 100 || row.RetailPrice is > 0 and < 100)
                    report.Warnings.Add($"warehouse item {row.Id} '{row.Name}': price under 1 ₸ ({row.CostPrice}/{row.RetailPrice} tiyn); possibly tenge from the SQLite era, kept as stored");

                if (events.Count == 0) { table.Unchanged++; continue; }
                if (current is null) { session.Events.StartStream<WarehouseItem>(id, events.ToArray()); table.Imported++; }
                else { session.Events.Append(id, events.ToArray()); table.Updated++; }
                Mark(session, $"warehouseitem:{row.Id}", last);

                void AddItem(object e)
                {
                    item = WarehouseItem.Evolve(item, e);
                    events.Add(LegacyImporter.At(e, end));
                }
            }
            await SaveAsync(session, ct);
        }

        /// <summary>One ledger row as the event that moves the stock to its <c>balance_after</c> (the authoritative figure).</summary>
        private object? Operation(LegacyOperationRow op, WarehouseItem item, Guid id, Origin by)
        {
            var delta = op.BalanceAfter - item.Quantity;
            var who = op.UserId is { } u && _users.TryGetValue(u, out var user) ? new Origin(Sources.LegacyImport, user.Id.ToString(), null) : by;
            switch (LegacyReading.OperationType(op.Type))
            {
                case "price_change":
                    if (op.NewValue is not { } value) return null;
                    // The description says the price in tenge; a stored value equal to that number is tenge too (SQLite era).
                    var price = op.Description.Contains($"{value}₸", StringComparison.Ordinal) && value < 100_000 ? new Money(value * 100) : new Money(value);
                    var retail = op.Description.Contains("Розничн", StringComparison.OrdinalIgnoreCase);
                    return new ItemPriceChanged(id, retail ? item.CostPrice : price, retail ? price : item.RetailPrice, who);
                case "delivery" when delta > 0:
                    return new StockDelivered(id, delta, null, op.Description, who);
                case "writeoff" when delta < 0:
                    return new StockWrittenOff(id, -delta, op.Description, who);
                case "sale" when delta < 0 && op.OrderId is { } order && _orders.TryGetValue(order, out var orderId):
                    return new StockSold(id, orderId, -delta, 0, who);
                case "sale" when delta < 0:
                    return new StockSoldOverCounter(id, -delta, null, op.Description, who);
                case null:
                    report.Warnings.Add($"warehouse operation {op.Id}: unknown type '{op.Type}'; its balance is taken over as a count");
                    break;
            }
            return delta == 0 ? null : new StockCounted(id, op.BalanceAfter, delta, who);
        }

        // ---- Products: ids kept, images, the recipe (optional parts are not reserved in Cvety either), on sale or not.

        private async Task ImportProductsAsync(CancellationToken ct)
        {
            var table = report.Table("product");
            var rows = legacy.Products.Where(p => p.ShopId == shop.Id).OrderBy(p => p.Id).ToList();
            var images = legacy.ProductImages.ToLookup(i => i.ProductId);
            var recipes = legacy.Recipes.ToLookup(r => r.ProductId);
            var items = legacy.WarehouseItems.Where(i => i.ShopId == shop.Id).Select(i => i.Id).ToHashSet();
            table.Read = rows.Count;
            await using var session = store.LightweightSession(_tenant);
            Stamp(session);
            var by = Origin.Legacy();
            foreach (var row in rows)
            {
                var current = await session.LoadAsync<Product>(row.Id, ct);
                if (current is null && await session.Query<Product>().AnyAsync(p => p.AnyTenant() && p.Id == row.Id, ct))
                {
                    report.Skip("product", row.Id, "the id belongs to another shop's product in Cvety");
                    continue;
                }
                var type = LegacyReading.ProductType(row.Type);
                if (type is null) report.Warnings.Add($"product {row.Id}: unknown type '{row.Type}', taken as flowers");
                if (row.Price is > 0 and < 10_000) report.Warnings.Add($"product {row.Id} '{row.Name}': price {row.Price} tiyn (under 100 ₸), possibly entered in tenge; kept as stored");
                var info = new ProductInfo(row.Name.Trim(), new Money(row.Price), type ?? "flowers", row.Description, row.ManufacturingTime, row.Width, row.Height, row.ShelfLife,
                    row.IsFeatured, row.Colors, row.Occasions, row.Cities, row.Tags);
                var pictures = images[row.Id].OrderByDescending(i => i.IsPrimary).ThenBy(i => i.Order).ThenBy(i => i.Id)
                    .Select((i, n) => new ProductImage(i.Url, n, n == 0)).ToList();
                if (pictures.Count == 0 && !string.IsNullOrWhiteSpace(row.Image)) pictures.Add(new ProductImage(row.Image.Trim(), 0, true));
                var lines = recipes[row.Id].Where(r => !r.IsOptional && r.Quantity > 0 && items.Contains(r.WarehouseItemId))
                    .GroupBy(r => r.WarehouseItemId).Select(g => new CompositionLine(LegacyReading.IdOf("warehouseitem", g.Key), g.Sum(r => r.Quantity))).ToList();
                foreach (var optional in recipes[row.Id].Where(r => r.IsOptional))
                    report.Warnings.Add($"product {row.Id}: optional recipe part (item {optional.WarehouseItemId}) left out: Cvety reserves every part of a recipe");
                var created = At(row.CreatedAt);
                var updated = At(row.UpdatedAt, created);
                var events = new List<object>();
                if (current is null)
                {
                    events.Add(LegacyImporter.At(new ProductCreated(row.Id, shop.Id, info, true, null, by), created));
                    if (pictures.Count > 0) events.Add(LegacyImporter.At(new ProductImagesChanged(row.Id, pictures, by), created));
                    if (lines.Count > 0) events.Add(LegacyImporter.At(new ProductCompositionSet(row.Id, lines, by), created));
                    if (!row.Enabled) events.Add(LegacyImporter.At(new ProductAvailabilityChanged(row.Id, false, "Disabled in the legacy system", by), updated));
                    session.Events.StartStream(ProductStreams.StreamOf(row.Id), events.ToArray());
                    table.Imported++;
                    continue;
                }
                var changed = ProductDecisions.ChangedFields(current.Info, info);
                if (changed.Count > 0) events.Add(LegacyImporter.At(new ProductUpdated(row.Id, info, changed, by), updated));
                if (!current.Images.SequenceEqual(pictures)) events.Add(LegacyImporter.At(new ProductImagesChanged(row.Id, pictures, by), updated));
                if (!current.Composition.SequenceEqual(lines)) events.Add(LegacyImporter.At(new ProductCompositionSet(row.Id, lines, by), updated));
                if (current.Enabled != row.Enabled && !current.Archived)
                    events.Add(LegacyImporter.At(new ProductAvailabilityChanged(row.Id, row.Enabled, row.Enabled ? "Enabled in the legacy system" : "Disabled in the legacy system", by), updated));
                if (events.Count == 0) { table.Unchanged++; continue; }
                session.Events.Append(ProductStreams.StreamOf(row.Id), events.ToArray());
                table.Updated++;
            }
            await SaveAsync(session, ct);
        }

        // ---- Orders: their past as events, in batches of one transaction each.

        private async Task ImportOrdersAsync(CancellationToken ct)
        {
            var table = report.Table("order");
            var rows = legacy.Orders.Where(o => o.ShopId == shop.Id).OrderBy(o => o.Id).ToList();
            var items = legacy.OrderItems.ToLookup(i => i.OrderId);
            var photos = legacy.Photos.ToLookup(p => p.OrderId);
            var history = legacy.History.ToLookup(h => h.OrderId);
            var context = new LegacyOrderContext(shop.Id, _clock, _users);
            table.Read = rows.Count;
            report.Table("orderitem").Read = rows.Sum(o => items[o.Id].Count());
            report.Table("orderhistory").Read = rows.Sum(o => history[o.Id].Count());
            var done = 0;
            foreach (var chunk in rows.Chunk(options.BatchSize))
            {
                var batch = chunk;
                await using var session = store.LightweightSession(_tenant);
                Stamp(session);
                // An order whose rows are as they were imported needs no comparing: its read model is not even loaded.
                var fingerprints = batch.ToDictionary(o => o.Id, o => Fingerprint(o, items[o.Id], photos[o.Id], history[o.Id]));
                var same = batch.Where(o => _marks.TryGetValue($"order:{o.Id}", out var m) && m.Fingerprint == fingerprints[o.Id]).Select(o => o.Id).ToHashSet();
                table.Unchanged += same.Count;
                batch = batch.Where(o => !same.Contains(o.Id)).ToArray();
                var known = batch.Where(o => _marks.ContainsKey($"order:{o.Id}")).Select(o => _orders[o.Id]).ToArray();
                var details = known.Length == 0 ? [] : (await session.LoadManyAsync<OrderDetails>(ct, known)).ToDictionary(d => d.Id);
                var trackingIds = batch.Select(o => o.TrackingId.Trim()).ToArray();
                var taken = (await session.LoadManyAsync<TrackingLookup>(ct, trackingIds)).ToDictionary(t => t.Id);
                foreach (var row in batch)
                {
                    var id = _orders[row.Id];
                    var mark = _marks.GetValueOrDefault($"order:{row.Id}");
                    var existing = mark is not null && details.TryGetValue(id, out var d) ? OrderFacts.Of(d) : null;
                    if (existing is null && taken.TryGetValue(row.TrackingId.Trim(), out var other) && other.OrderId != id)
                    {
                        report.Skip("order", row.Id, $"tracking id {row.TrackingId} already leads to another order in Cvety");
                        _orders.Remove(row.Id);
                        continue;
                    }
                    if (existing is null && LegacyReading.Status(row.Status) is null) report.Warnings.Add($"order {row.Id}: status '{row.Status}' is not a status");
                    var (events, lastHistory, warnings) = LegacyOrderPlan.Plan(row, items[row.Id].ToList(), photos[row.Id].ToList(), history[row.Id].ToList(),
                        context, id, existing, mark?.LastChildId ?? 0);
                    report.Warnings.AddRange(warnings.Select(w => $"order {row.Id}: {w}"));
                    if (events.Count == 0)
                    {
                        table.Unchanged++;
                        Mark(session, $"order:{row.Id}", lastHistory, fingerprints[row.Id]);
                        continue;
                    }
                    var timed = events.Select(e => (object)LegacyImporter.At(e.Data, e.At)).ToArray();
                    if (existing is null)
                    {
                        session.Events.StartStream<Order>(id, timed);
                        session.Store(new TrackingLookup(row.TrackingId.Trim(), shop.Id, id));
                        if (!string.IsNullOrWhiteSpace(row.KaspiPaymentId))
                            session.Store(new KaspiPaymentLookup(row.KaspiPaymentId.Trim(), shop.Id, id, LegacyReading.Phone(row.Phone) ?? row.Phone, new Money(row.Total).Tiyn, null,
                                "legacy", At(row.KaspiPaymentCreatedAt, At(row.CreatedAt))));
                        table.Imported++;
                    }
                    else
                    {
                        session.Events.Append(id, timed);
                        table.Updated++;
                    }
                    report.Table("orderhistory").Imported += history[row.Id].Count(h => h.Id > (mark?.LastChildId ?? 0));
                    if (existing is null) report.Table("orderitem").Imported += items[row.Id].Count();
                    Mark(session, $"order:{row.Id}", lastHistory, fingerprints[row.Id]);
                }
                await SaveAsync(session, ct);
                done += chunk.Length;
                progress?.Invoke(new ImportProgress(shop.Id, "order", done, rows.Count));
            }
        }

        private static string Fingerprint(LegacyOrderRow order, IEnumerable<LegacyOrderItemRow> items, IEnumerable<LegacyPhotoRow> photos, IEnumerable<LegacyHistoryRow> history)
        {
            var text = string.Join("\n", new object[] { order }.Concat(items.OrderBy(i => i.Id)).Concat(photos.OrderBy(p => p.Id)).Concat(history.OrderBy(h => h.Id)));
            return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        }

        // ---- Open reservations, stock-takes.

        private async Task ImportReservationsAndChecksAsync(CancellationToken ct)
        {
            await using var session = store.LightweightSession(_tenant);
            Stamp(session);
            var by = Origin.Legacy();
            var reservations = report.Table("orderreservation");
            foreach (var r in legacy.Reservations.Where(r => _orders.ContainsKey(r.OrderId)).OrderBy(r => r.Id))
            {
                reservations.Read++;
                if (_marks.ContainsKey($"orderreservation:{r.Id}")) { reservations.Unchanged++; continue; }
                var item = LegacyReading.IdOf("warehouseitem", r.ItemId);
                if (!legacy.WarehouseItems.Any(i => i.Id == r.ItemId && i.ShopId == shop.Id)) { report.Skip("orderreservation", r.Id, $"warehouse item {r.ItemId} is not this shop's"); continue; }
                session.Events.Append(item, LegacyImporter.At(new StockReserved(item, _orders[r.OrderId], r.Quantity, by), At(r.CreatedAt)));
                Mark(session, $"orderreservation:{r.Id}");
                reservations.Imported++;
            }

            var checks = report.Table("inventorycheck");
            var lines = legacy.CheckItems.ToLookup(i => i.CheckId);
            foreach (var c in legacy.Checks.Where(c => c.ShopId == shop.Id).OrderBy(c => c.Id))
            {
                checks.Read++;
                var id = LegacyReading.IdOf("inventorycheck", c.Id);
                var applied = string.Equals(c.Status, "applied", StringComparison.OrdinalIgnoreCase);
                var mark = _marks.GetValueOrDefault($"inventorycheck:{c.Id}");
                if (mark is not null && (mark.LastChildId == 1 || !applied)) { checks.Unchanged++; continue; }
                var events = new List<object>();
                var created = At(c.CreatedAt);
                if (mark is null)
                {
                    var takeLines = lines[c.Id].Select(l => new StockTakeLine(LegacyReading.IdOf("warehouseitem", l.ItemId), l.ItemName, l.Current, l.Actual)).ToList();
                    var notes = string.Join(". ", new[] { c.Comment, $"Проводил: {c.ConductedBy}" }.Where(n => !string.IsNullOrWhiteSpace(n)));
                    events.Add(LegacyImporter.At(new StockTakeDrafted(id, shop.Id, takeLines, notes, Origin.Legacy(c.ConductedBy.Length > 20 ? c.ConductedBy[..20] : c.ConductedBy)), created));
                }
                if (applied) events.Add(LegacyImporter.At(new StockTakeApplied(id, lines[c.Id].Count(l => l.Difference != 0), by), At(c.AppliedAt, created)));
                if (mark is null) { session.Events.StartStream<StockTake>(id, events.ToArray()); checks.Imported++; }
                else { session.Events.Append(id, events.ToArray()); checks.Updated++; }
                Mark(session, $"inventorycheck:{c.Id}", applied ? 1 : 0);
            }
            await SaveAsync(session, ct);
        }

        // ---- Reviews, FAQs, pages.

        private async Task ImportContentAsync(CancellationToken ct)
        {
            await using var session = store.LightweightSession(_tenant);
            Stamp(session);
            var products = legacy.Products.Where(p => p.ShopId == shop.Id).Select(p => p.Id).ToHashSet();
            var reviews = report.Table("reviews");
            foreach (var r in legacy.Reviews.Where(r => r.ProductId is { } p ? products.Contains(p) : r.ShopId == shop.Id))
            {
                reviews.Read++;
                var key = r.ProductId is null ? $"companyreview:{r.Id}" : $"productreview:{r.Id}";
                if (_marks.ContainsKey(key)) { reviews.Unchanged++; continue; }
                if (r.Rating is < 1 or > 5) { report.Skip(r.ProductId is null ? "companyreview" : "productreview", r.Id, $"rating {r.Rating} is not 1 to 5"); continue; }
                var id = LegacyReading.IdOf(key.Split(':')[0], r.Id);
                var at = At(r.CreatedAt);
                var by = Origin.Legacy("customer");
                var events = new List<object> { LegacyImporter.At(new ReviewSubmitted(id, shop.Id, r.ProductId, r.Rating, r.Text, r.AuthorName.Trim(), null, by), at) };
                events.AddRange(r.Photos.Select(url => LegacyImporter.At(new ReviewPhotoAdded(id, url, by), at)));
                session.Events.StartStream<Reviews.Review>(id, events.ToArray());
                Mark(session, key);
                reviews.Imported++;
            }

            var faqs = report.Table("faq");
            foreach (var f in legacy.Faqs.Where(f => f.ShopId == shop.Id))
            {
                faqs.Read++;
                var id = LegacyReading.IdOf("faq", f.Id);
                var existing = await session.LoadAsync<Faq>(id, ct);
                var faq = new Faq
                {
                    Id = id, ShopId = shop.Id, Question = f.Question.Trim(), Answer = f.Answer.Trim(), Category = f.Category, Position = f.DisplayOrder,
                    Published = f.Enabled, UpdatedBy = "legacy", UpdatedAt = At(f.UpdatedAt),
                };
                if (existing is not null && existing.Question == faq.Question && existing.Answer == faq.Answer && existing.Category == faq.Category
                    && existing.Position == faq.Position && existing.Published == faq.Published) { faqs.Unchanged++; continue; }
                session.Store(faq);
                if (existing is null) faqs.Imported++; else faqs.Updated++;
            }

            var pages = report.Table("staticpage");
            foreach (var p in legacy.Pages.Where(p => p.ShopId == shop.Id))
            {
                pages.Read++;
                var id = LegacyReading.IdOf("staticpage", p.Id);
                var existing = await session.LoadAsync<Page>(id, ct);
                var page = new Page { Id = id, ShopId = shop.Id, Slug = p.Slug.Trim(), Title = p.Title.Trim(), Content = p.Content, Published = p.Enabled, UpdatedBy = "legacy", UpdatedAt = At(p.UpdatedAt) };
                if (existing is not null && existing.Slug == page.Slug && existing.Title == page.Title && existing.Content == page.Content && existing.Published == page.Published)
                { pages.Unchanged++; continue; }
                session.Store(page);
                if (existing is null) pages.Imported++; else pages.Updated++;
            }
            await SaveAsync(session, ct);
        }

        // ---- New orders continue after the highest imported number; new products after the highest id.

        private async Task ContinueNumberingAsync(CancellationToken ct)
        {
            if (options.DryRun) return;
            var highest = legacy.Orders.Where(o => o.ShopId == shop.Id).Select(o => LegacyReading.OrderNumber(o.OrderNumber)).Max() ?? 0;
            var product = legacy.Products.Where(p => p.ShopId == shop.Id).Select(p => (int?)p.Id).Max() ?? 0;
            await using var session = store.LightweightSession();
            var schema = store.Options.DatabaseSchemaName;
            if (highest > 0)
                session.QueueSqlCommand($"insert into {schema}.{OrdersModule.OrderNumbersTable} as n (shop_id, last_number) values (?, ?) " +
                    "on conflict (shop_id) do update set last_number = greatest(n.last_number, excluded.last_number)", shop.Id, highest);
            if (product > 0)
                session.QueueSqlCommand($"select setval('{schema}.{Products.ProductsModule.IdSequence}', greatest((select last_value from {schema}.{Products.ProductsModule.IdSequence}), ?))", (long)product);
            await session.SaveChangesAsync(ct);
        }

        // ---- The figures both databases must agree on.

        private async Task TotalsAsync(CancellationToken ct)
        {
            var orders = legacy.Orders.Where(o => o.ShopId == shop.Id && _orders.ContainsKey(o.Id)).ToList();
            report.Legacy = new Totals();
            foreach (var o in orders)
            {
                var status = LegacyReading.Status(o.Status)?.Name() ?? o.Status.ToLowerInvariant();
                report.Legacy.OrdersByStatus[status] = report.Legacy.OrdersByStatus.GetValueOrDefault(status) + 1;
                if (status != "cancelled")
                {
                    var month = At(o.CreatedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    report.Legacy.RevenueByMonth[month] = report.Legacy.RevenueByMonth.GetValueOrDefault(month) + o.Total;
                }
            }
            foreach (var i in legacy.WarehouseItems.Where(i => i.ShopId == shop.Id))
                report.Legacy.StockByItem[$"{i.Id} {i.Name.Trim()}"] = i.Quantity;

            await using var session = store.QuerySession(_tenant);
            var ids = _orders.Values.ToArray();
            report.Cvety = new Totals();
            foreach (var chunk in ids.Chunk(1000))
                foreach (var d in await session.LoadManyAsync<OrderDetails>(ct, chunk))
                {
                    report.Cvety.OrdersByStatus[d.Status] = report.Cvety.OrdersByStatus.GetValueOrDefault(d.Status) + 1;
                    if (d.Status != "cancelled")
                    {
                        var month = d.CreatedAt.ToOffset(_clock.StoredOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                        report.Cvety.RevenueByMonth[month] = report.Cvety.RevenueByMonth.GetValueOrDefault(month) + d.Total.Tiyn;
                    }
                }
            var items = legacy.WarehouseItems.Where(i => i.ShopId == shop.Id).ToDictionary(i => LegacyReading.IdOf("warehouseitem", i.Id));
            foreach (var item in await session.LoadManyAsync<WarehouseItem>(ct, items.Keys.ToArray()))
                report.Cvety.StockByItem[$"{items[item.Id].Id} {items[item.Id].Name.Trim()}"] = item.Quantity;

            if (options.DryRun) return;
            Compare("orders", report.Legacy.OrdersByStatus, report.Cvety.OrdersByStatus);
            Compare("revenue", report.Legacy.RevenueByMonth, report.Cvety.RevenueByMonth);
            Compare("stock", report.Legacy.StockByItem, report.Cvety.StockByItem);

            void Compare<T>(string what, SortedDictionary<string, T> a, SortedDictionary<string, T> b) where T : struct
            {
                foreach (var key in a.Keys.Union(b.Keys))
                    if (!EqualityComparer<T>.Default.Equals(a.GetValueOrDefault(key), b.GetValueOrDefault(key)))
                        report.Mismatches.Add($"{what} {key}: legacy {a.GetValueOrDefault(key)}, Cvety {b.GetValueOrDefault(key)}");
            }
        }
    }
}
