using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Infrastructure.Events;

public sealed record EventInput(PromotionEventKind Kind, string Title, string? TitleEn, string Programme, string? Place, string? OnlineUrl,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, Guid? AuctionSessionId, IReadOnlyList<Guid> ListingIds);

/// <summary>The center publishes an event or edits it (programme, place, time, capacity, linked listings or session).</summary>
public sealed class SavePromotionEvent(TechMarketDbContext db, TimeProvider clock)
{
    /// <summary>The event id, or the field problems (nothing saved).</summary>
    public async Task<(Guid? Id, IReadOnlyList<(string Field, string Message)> Problems)> RunAsync(Guid? id, EventInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = PromotionEvent.Problems(input.Title, input.StartsAt, input.EndsAt, input.Capacity, input.Place, input.OnlineUrl).ToList();
        var listings = input.ListingIds.Distinct().ToList();
        var known = await db.Listings.Where(l => listings.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct).ConfigureAwait(false);
        if (known.Count != listings.Count) problems.Add(("ListingIds", "有挂牌编号不存在 / A listing id does not exist."));
        if (input.AuctionSessionId is { } session && !await db.AuctionSessions.AnyAsync(s => s.Id == session, ct).ConfigureAwait(false))
            problems.Add((nameof(PromotionEvent.AuctionSessionId), "竞价专场不存在 / No such auction session."));
        if (problems.Count > 0) return (null, problems);

        var now = clock.GetUtcNow();
        var e = id is { } existing ? await db.PromotionEvents.FirstOrDefaultAsync(x => x.Id == existing, ct).ConfigureAwait(false) : null;
        if (id is not null && e is null) return (null, [("", "活动不存在 / No such event.")]);
        if (e is null)
        {
            e = new PromotionEvent { Id = Guid.CreateVersion7(now), CreatedAt = now };
            db.PromotionEvents.Add(e);
        }
        e.Kind = input.Kind;
        e.Title = input.Title.Trim();
        e.TitleEn = string.IsNullOrWhiteSpace(input.TitleEn) ? null : input.TitleEn.Trim();
        e.ProgrammeMarkdown = input.Programme ?? "";
        e.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        e.OnlineUrl = string.IsNullOrWhiteSpace(input.OnlineUrl) ? null : input.OnlineUrl.Trim();
        e.StartsAt = input.StartsAt.ToUniversalTime();
        e.EndsAt = input.EndsAt.ToUniversalTime();
        e.Capacity = input.Capacity;
        e.AuctionSessionId = input.AuctionSessionId;
        e.UpdatedAt = now;
        var old = await db.EventListings.Where(l => l.EventId == e.Id).ToListAsync(ct).ConfigureAwait(false);
        db.EventListings.RemoveRange(old.Where(o => !listings.Contains(o.ListingId)));
        db.EventListings.AddRange(listings.Where(l => old.All(o => o.ListingId != l)).Select(l => new EventListing { EventId = e.Id, ListingId = l }));
        db.AuditAs(id is null ? "event.published" : "event.edited");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (e.Id, []);
    }
}

public enum RegistrationRefusal { None, NoSuchEvent, Closed }

public sealed record RegistrationOutcome(RegistrationRefusal Refusal, EventRegistrationStatus? Status, bool WasAlreadyRegistered = false);

/// <summary>
/// Registers a signed-in person: a seat while the capacity lasts, else the waiting list, in arrival order. The seat count
/// is read and the registration written under the event's lock, so two requests for the last seat give one seat and
/// one place on the list. Registering again returns the standing registration (a cancelled one is renewed at the back).
/// </summary>
public sealed class RegisterForEvent(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<RegistrationOutcome> RunAsync(Guid eventId, Guid userId, Guid? organizationId, string name, string email, CancellationToken ct)
    {
        await using var gate = await RowLock.TakeAsync<PromotionEvent>(db, eventId, ct).ConfigureAwait(false);
        var e = await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct).ConfigureAwait(false);
        if (e is null) return new(RegistrationRefusal.NoSuchEvent, null);
        var now = clock.GetUtcNow();
        if (!e.AcceptsRegistrations(now)) return new(RegistrationRefusal.Closed, null);
        var mine = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct).ConfigureAwait(false);
        if (mine is { Status: not EventRegistrationStatus.Cancelled }) return new(RegistrationRefusal.None, mine.Status, WasAlreadyRegistered: true);
        var confirmed = await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == EventRegistrationStatus.Confirmed, ct).ConfigureAwait(false);
        var status = e.SeatFor(confirmed);
        if (mine is null)
        {
            mine = new EventRegistration { Id = Guid.CreateVersion7(now), EventId = eventId, UserId = userId };
            db.EventRegistrations.Add(mine);
        }
        mine.OrganizationId = organizationId;
        mine.Name = name;
        mine.Email = email;
        mine.Status = status;
        mine.RegisteredAt = now;
        mine.CancelledAt = null;
        mine.PromotedAt = null;
        db.AuditAs("event.registered", status.ToString());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await gate.CommitAsync(ct).ConfigureAwait(false);
        return new(RegistrationRefusal.None, status);
    }
}

/// <summary>
/// Cancels a registration. A freed seat goes to the first waitlisted registration (by registration time), under the
/// event's lock, and that person is told by e-mail.
/// </summary>
public sealed class CancelEventRegistration(TechMarketDbContext db, IMailSender mail, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid eventId, Guid userId, CancellationToken ct)
    {
        EventRegistration? promoted;
        PromotionEvent e;
        await using (var gate = await RowLock.TakeAsync<PromotionEvent>(db, eventId, ct).ConfigureAwait(false))
        {
            var found = await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct).ConfigureAwait(false);
            var mine = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct).ConfigureAwait(false);
            if (found is null || mine is null || mine.Status == EventRegistrationStatus.Cancelled) return false;
            e = found;
            var now = clock.GetUtcNow();
            var freedSeat = mine.Status == EventRegistrationStatus.Confirmed;
            mine.Status = EventRegistrationStatus.Cancelled;
            mine.CancelledAt = now;
            promoted = null;
            if (freedSeat && !e.IsOver(now))
            {
                var confirmed = await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == EventRegistrationStatus.Confirmed && r.Id != mine.Id, ct).ConfigureAwait(false);
                if (confirmed < e.Capacity)
                {
                    promoted = await db.EventRegistrations.Where(r => r.EventId == eventId && r.Status == EventRegistrationStatus.Waitlisted)
                        .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                    if (promoted is not null)
                    {
                        promoted.Status = EventRegistrationStatus.Confirmed;
                        promoted.PromotedAt = now;
                    }
                }
            }
            db.AuditAs("event.cancelled_registration", promoted is null ? null : $"promoted {promoted.Id}");
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await gate.CommitAsync(ct).ConfigureAwait(false);
        }
        if (promoted is not null)
        {
            var text = $"您已从候补转为正式报名 / You have a seat now：{e.Title}\n{e.StartsAt.ToOffset(Domain.Shared.ChinaTime.Offset):yyyy-MM-dd HH:mm} (UTC+8)\n/events/{e.Id}";
            await mail.SendAsync(new MailMessage(promoted.Email, $"报名已确认 / Seat confirmed：{e.Title}", "<pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>", text), ct).ConfigureAwait(false);
        }
        return true;
    }
}

/// <summary>Staff check a confirmed registrant in at the door (or undo it).</summary>
public sealed class CheckInRegistration(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid eventId, Guid registrationId, bool checkedIn, CancellationToken ct)
    {
        var r = await db.EventRegistrations.FirstOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId && x.Status == EventRegistrationStatus.Confirmed, ct).ConfigureAwait(false);
        if (r is null) return false;
        r.CheckedInAt = checkedIn ? clock.GetUtcNow() : null;
        db.AuditAs(checkedIn ? "event.checked_in" : "event.check_in_undone");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }
}

/// <summary>Results the center enters after the event; leaving a field empty means "compute it from the linked auctions".</summary>
public sealed class RecordEventResults(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid eventId, int? dealsStarted, int? lotsSold, CancellationToken ct)
    {
        var e = await db.PromotionEvents.FirstOrDefaultAsync(x => x.Id == eventId, ct).ConfigureAwait(false);
        if (e is null) return false;
        e.DealsStarted = dealsStarted;
        e.LotsSold = lotsSold;
        e.UpdatedAt = clock.GetUtcNow();
        db.AuditAs("event.results");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }
}

public sealed record EventResults(int? DealsStarted, int? LotsSold, int LotsOffered, bool Computed);

/// <summary>
/// What came of an event: the entered figures, or, from the linked auction session, the lots sold among the closed lots,
/// and the deals opened over the presented listings since the event started.
/// </summary>
public sealed class ComputeEventResults(TechMarketDbContext db)
{
    public async Task<EventResults> RunAsync(PromotionEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        var lots = e.AuctionSessionId is { } session
            ? await db.Auctions.AsNoTracking().Where(a => a.SessionId == session).Select(a => new { a.ListingId, a.Sold }).ToListAsync(ct).ConfigureAwait(false)
            : [];
        var listings = await db.EventListings.AsNoTracking().Where(l => l.EventId == e.Id).Select(l => l.ListingId).ToListAsync(ct).ConfigureAwait(false);
        listings.AddRange(lots.Select(l => l.ListingId));
        var deals = await db.Deals.AsNoTracking().CountAsync(d => listings.Contains(d.ListingId) && d.CreatedAt >= e.StartsAt, ct).ConfigureAwait(false);
        var sold = lots.Count(l => l.Sold == true);
        return new EventResults(e.DealsStarted ?? deals, e.LotsSold ?? (e.AuctionSessionId is null ? null : sold), lots.Count, e.DealsStarted is null || e.LotsSold is null);
    }
}
