using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

public sealed record NewPledgeCase(Guid ApplicantId, Guid? ThirdPartyPledgorId, IReadOnlyList<string> PatentNumbers, Money Amount, int TermMonths, string? Purpose);

public sealed record CreatePledgeResult(Guid? CaseId, IReadOnlyList<DealingRefusal> Refusals)
{
    public bool Created => CaseId is not null;
}

/// <summary>
/// Opens a case in draft. The new-pledge path of the encumbrance lock: a patent under a standing registered pledge
/// cannot be pledged again unless its lender consented (Civil Code Art. 444). The other CNIPA grounds (co-owners,
/// fees, term) are named on the filing page, where the contract and the register are checked together.
/// </summary>
public sealed class CreatePledgeCase(TechMarketDbContext db, EncumbranceGuard guard, TimeProvider clock)
{
    public async Task<CreatePledgeResult> RunAsync(PledgeActor actor, NewPledgeCase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var numbers = request.PatentNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (numbers.Count == 0)
            return Refused(new(DealingRefusalCode.NotPatentee, "请至少选择一项专利。", "Choose at least one patent."));
        List<Guid> pledgors = request.ThirdPartyPledgorId is { } third && third != request.ApplicantId ? [request.ApplicantId, third] : [request.ApplicantId];

        var rows = await db.PatentRights.AsNoTracking().Include(p => p.Patentees).Where(p => numbers.Contains(p.Number)).ToListAsync(cancellationToken);
        var refusals = new List<DealingRefusal>();
        foreach (var number in numbers)
        {
            var row = rows.FirstOrDefault(r => r.Number == number);
            if (row is null || !row.Patentees.Any(p => pledgors.Contains(p.OrganizationId)))
            {
                refusals.Add(new(DealingRefusalCode.NotPatentee, $"贵方不是专利 {number} 的专利权人。", $"Your organisation is not a patentee of {number}."));
                continue;
            }
            var decision = await guard.CanPledgeAsync(number, pledgors, cancellationToken);
            refusals.AddRange(decision.Refusals.Where(r => r.Code == DealingRefusalCode.PledgedWithoutLenderConsent));
        }
        if (refusals.Count > 0) return new CreatePledgeResult(null, refusals);

        var now = clock.GetUtcNow();
        var pledge = new PledgeCase(Guid.NewGuid(), request.ApplicantId, pledgors, numbers, now);
        var industry = rows.Select(r => r.Industry).FirstOrDefault(i => i != Industry.Unspecified);
        var row2 = new PledgeCaseRow
        {
            Id = pledge.Id,
            ApplicantId = request.ApplicantId,
            ThirdPartyPledgorId = pledgors.Count > 1 ? pledgors[1] : null,
            RequestedAmountFen = request.Amount.Fen,
            RequestedTermMonths = request.TermMonths,
            Industry = industry,
            Purpose = request.Purpose,
            CreatedAt = now,
            Patents = [.. numbers.Select(n => new PledgeCasePatentRow { PledgeCaseId = pledge.Id, PatentNumber = n })],
        };
        PledgeCaseStore.Write(row2, pledge, now);
        db.PledgeCases.Add(row2);
        db.AuditAs("pledge.created", $"{request.Amount}, {request.TermMonths} months, {string.Join(",", numbers)}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatePledgeResult(pledge.Id, []);
    }

    private static CreatePledgeResult Refused(DealingRefusal refusal) => new(null, [refusal]);
}
