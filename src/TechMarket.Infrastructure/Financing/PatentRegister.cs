using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Data;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Financing;

/// <summary>China Standard Time (UTC+8): the calendar day a dealing or a due date falls on.</summary>
public static class ChinaCalendar
{
    public static readonly TimeSpan Offset = ChinaTime.Offset;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ChinaTime.Today(clock.GetUtcNow());
    }
}

/// <summary>How a case is written into its JSON column: enums by name, so stored cases stay readable.</summary>
public static class PledgeJson
{
    public static JsonSerializerOptions Options { get; } = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Write(PledgeCase pledge)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        return JsonSerializer.Serialize(pledge.ToSnapshot(), Options);
    }

    public static PledgeCase Read(string json) =>
        PledgeCase.Restore(JsonSerializer.Deserialize<PledgeCaseSnapshot>(json, Options) ?? throw new InvalidOperationException("Empty pledge snapshot."));
}

/// <summary>Reads register entries with their registered pledges and lender consents as domain <see cref="PatentRight"/>s.</summary>
public sealed class PatentRegister(TechMarketDbContext db)
{
    public async Task<IReadOnlyList<PatentRight>> LoadAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var wanted = numbers.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = await db.PatentRights.AsNoTracking().Include(p => p.Patentees).Where(p => wanted.Contains(p.Number)).ToListAsync(cancellationToken);
        var pledges = await db.PatentPledges.AsNoTracking().Where(p => wanted.Contains(p.PatentNumber)).ToListAsync(cancellationToken);
        var consents = await db.LenderConsents.AsNoTracking().Where(c => wanted.Contains(c.PatentNumber)).ToListAsync(cancellationToken);
        // 开放许可声明 (Patent Law Art. 50) are declared on catalogue records, by the patent number or the record it came from.
        var recordNumbers = rows.SelectMany(r => new[] { r.Number, r.SourceRecordId }).OfType<string>().ToList();
        var declarations = await db.OpenLicenceDeclarations.AsNoTracking().Where(d => recordNumbers.Contains(d.RecordNumber)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToRight(r, pledges, consents) with
        {
            OpenLicence = declarations.Where(d => d.RecordNumber == r.Number || d.RecordNumber == r.SourceRecordId)
                .OrderByDescending(d => d.PublishedAt).Select(d => new OpenLicenceDeclaration(d.PublishedOn, d.Fee, d.WithdrawnOn)).FirstOrDefault(),
        })];
    }

    public static PatentRight ToRight(PatentRightRow row, IEnumerable<PatentPledgeRow> pledges, IEnumerable<LenderConsentRow> consents)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PatentRight(row.Number, row.Title, row.Kind, row.FiledOn, row.GrantedOn, row.ExpiresOn, row.Status,
            [.. row.Patentees.OrderBy(p => p.Id).Select(p => new Patentee(p.OrganizationId, p.Name))])
        {
            Proceedings = row.Proceedings,
            NextAnnualFeeDueOn = row.NextAnnualFeeDueOn,
            Pledges = [.. pledges.Where(p => p.PatentNumber == row.Number).OrderBy(p => p.RegisteredOn)
                .Select(p => new RegisteredPledge(p.PledgeCaseId, p.LenderId, p.LenderName, p.NoticeNumber, p.RegisteredOn, p.ReleasedOn))],
            Consents = [.. consents.Where(c => c.PatentNumber == row.Number)
                .Select(c => new LenderConsent(c.PledgeCaseId, c.LenderId, c.Scope, c.GivenOn, c.ValidUntil, c.Proceeds))],
        };
    }
}

/// <summary>
/// The encumbrance lock as a service (Civil Code Art. 444): loads the patent with its pledges and consents and asks
/// <see cref="EncumbrancePolicy"/>, the one place that decides. Listing submission and publication, auction creation,
/// licence purchase and new pledges call it.
/// </summary>
public sealed class EncumbranceGuard(PatentRegister register, TimeProvider clock)
{
    public async Task<DealingDecision> CheckAsync(string patentNumber, Func<DateOnly, ProposedDealing> dealing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dealing);
        var right = (await register.LoadAsync([patentNumber], cancellationToken)).SingleOrDefault();
        if (right is null)
            return new DealingDecision([new DealingRefusal(DealingRefusalCode.NotPatentee,
                $"平台专利登记信息中没有 {patentNumber}。", $"The platform's register has no patent {patentNumber}.")]);
        return EncumbrancePolicy.Decide(right, dealing(ChinaCalendar.Today(clock)));
    }

    public Task<DealingDecision> CanListAsync(string patentNumber, IReadOnlyCollection<Guid> owners, bool assigns, bool exclusiveOrSole, CancellationToken cancellationToken) =>
        CheckAsync(patentNumber, day => ProposedDealing.Listing(day, owners, assigns, exclusiveOrSole), cancellationToken);

    public Task<DealingDecision> CanAuctionAsync(string patentNumber, IReadOnlyCollection<Guid> owners, CancellationToken cancellationToken) =>
        CheckAsync(patentNumber, day => ProposedDealing.Auction(day, owners), cancellationToken);

    /// <summary>The lender's realisation auction of its own pledge (Civil Code Art. 436).</summary>
    public Task<DealingDecision> CanRealiseByAuctionAsync(string patentNumber, IReadOnlyCollection<Guid> owners, PledgeRealisationMandate mandate, CancellationToken cancellationToken) =>
        CheckAsync(patentNumber, day => ProposedDealing.RealisationAuction(day, owners, mandate), cancellationToken);

    public Task<DealingDecision> CanLicenceAsync(string patentNumber, IReadOnlyCollection<Guid> owners, PatentDealing kind, LicenceType type, CancellationToken cancellationToken) =>
        CheckAsync(patentNumber, day => kind switch
        {
            PatentDealing.ExpressLicence => ProposedDealing.ExpressLicence(day, owners),
            PatentDealing.OpenLicence => ProposedDealing.OpenLicence(day, owners),
            PatentDealing.NegotiatedLicence => ProposedDealing.NegotiatedLicence(day, owners, type),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a licence."),
        }, cancellationToken);

    public Task<DealingDecision> CanPledgeAsync(string patentNumber, IReadOnlyCollection<Guid> pledgors, CancellationToken cancellationToken) =>
        CheckAsync(patentNumber, day => ProposedDealing.Pledge(day, pledgors), cancellationToken);
}
