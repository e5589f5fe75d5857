using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace TechMarket.Infrastructure.Trading;

/// <summary>The answer of a listed-trade command: done (with the row it touched), not found, or refused with a bilingual reason for a field.</summary>
public sealed record TradeResult<T>(T? Value, string? Field, string? Error, bool NotFound = false) where T : class
{
    public bool Succeeded => Value is not null && Error is null && !NotFound;
}

public static class TradeResult
{
    public static TradeResult<T> Done<T>(T value) where T : class => new(value, null, null);
    public static TradeResult<T> Refused<T>(string field, string error) where T : class => new(null, field, error);
    public static TradeResult<T> Missing<T>() where T : class => new(null, null, null, NotFound: true);
}

/// <summary>Listed-trade notices: an outbox row per organisation, sent (in-app and e-mail) after the change commits.</summary>
internal static class TradeNotices
{
    public static void Notify(TechMarketDbContext db, Guid organizationId, string title, string body, string link, DateTimeOffset now) =>
        db.Outbox.Add(PlaceBid.Message(OutboxTypes.OrganizationNotice, new OrganizationNotice(organizationId, title, body, link), now));

    /// <summary>The center's organisations (the operator), told of what waits for it.</summary>
    public static async Task NotifyCenterAsync(TechMarketDbContext db, string title, string body, string link, DateTimeOffset now, CancellationToken ct)
    {
        var centers = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Center).Select(o => o.Id).ToListAsync(ct).ConfigureAwait(false);
        foreach (var center in centers) Notify(db, center, title, body, link, now);
    }

    public static string Local(DateTimeOffset at) => at.ToOffset(Domain.Shared.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
