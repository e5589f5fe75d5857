using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

/// <param name="ApplicantId">The patentee opening the case.</param>
/// <param name="ThirdPartyPledgorId">A co-owner joining as pledgor (Patent Law Art. 14).</param>
/// <param name="BorrowerId">第三人出质: another organisation that borrows, for whose debt the applicant pledges (Civil Code Art. 425).</param>
public sealed record NewPledgeCase(Guid ApplicantId, Guid? ThirdPartyPledgorId, IReadOnlyList<string> PatentNumbers, Money Amount, int TermMonths, string? Purpose,
    Guid? BorrowerId = null);

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
        // Civil Code Art. 425: the pledgor may be a third party. The borrower applies and is the case's applicant; the
        // patentee who opens the case is its (only) pledgor.
        var borrower = request.BorrowerId is { } b && b != request.ApplicantId ? b : (Guid?)null;
        if (borrower is { } borrowerId)
        {
            if (pledgors.Count > 1)
                return Refused(new(DealingRefusalCode.NotPatentee, "第三人出质时暂不支持共有人共同出质，请由全体共有人分别确认后再申请。",
                    "A third-party pledge with a co-owner joining is not supported yet."));
            var known = await db.Organizations.AsNoTracking()
                .AnyAsync(o => o.Id == borrowerId && o.Verification == VerificationStatus.Verified && o.Type == OrganizationType.Company, cancellationToken);
            if (!known) return Refused(new(DealingRefusalCode.NotPatentee, "借款人须为已认证的企业。", "The borrower must be a verified company."));
        }
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
        var applicant = borrower ?? request.ApplicantId;
        var pledge = new PledgeCase(Guid.NewGuid(), applicant, pledgors, numbers, now);
        var industry = rows.Select(r => r.Industry).FirstOrDefault(i => i != Industry.Unspecified);
        var row2 = new PledgeCaseRow
        {
            Id = pledge.Id,
            ApplicantId = applicant,
            ThirdPartyPledgorId = borrower is not null ? request.ApplicantId : pledgors.Count > 1 ? pledgors[1] : null,
            RequestedAmountFen = request.Amount.Fen,
            RequestedTermMonths = request.TermMonths,
            Industry = industry,
            Purpose = request.Purpose,
            CreatedAt = now,
            Patents = [.. numbers.Select(n => new PledgeCasePatentRow { PledgeCaseId = pledge.Id, PatentNumber = n })],
        };
        PledgeCaseStore.Write(row2, pledge, now);
        db.PledgeCases.Add(row2);
        db.AuditAs("pledge.created", $"{request.Amount}, {request.TermMonths} months, {string.Join(",", numbers)}{(borrower is { } x ? $", third-party pledge for {x:N}" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatePledgeResult(pledge.Id, []);
    }

    private static CreatePledgeResult Refused(DealingRefusal refusal) => new(null, [refusal]);
}
