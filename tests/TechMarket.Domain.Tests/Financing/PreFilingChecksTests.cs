using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using static TechMarket.Domain.Tests.Financing.Parties;

namespace TechMarket.Domain.Tests.Financing;

public sealed class PreFilingChecksTests
{
    private static readonly Guid CaseId = Guid.NewGuid();

    private static FilingSubject Subject(PledgeContract? contract = null, Guid[]? pledgors = null, bool continueDespiteInvalidation = false) =>
        new(CaseId, pledgors ?? [Applicant], contract ?? APledgeCase.AContract, continueDespiteInvalidation);

    private static FilingCheckFailure Only(IReadOnlyList<FilingCheckFailure> failures, FilingCheck expected)
    {
        var failure = Assert.Single(failures);
        Assert.Equal(expected, failure.Check);
        Assert.False(string.IsNullOrWhiteSpace(failure.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(failure.MessageEn));
        return failure;
    }

    [Fact]
    public void A_clean_patent_and_contract_pass_every_check()
    {
        Assert.Empty(PreFilingChecks.Run(Subject(), [APatent.InForce()]));
        Assert.Equal(Enum.GetValues<FilingCheck>().Order(), PreFilingChecks.All.Select(c => c.Check).Order());
    }

    [Fact]
    public void Pledgor_who_is_not_the_registered_patentee_is_refused()
    {
        var failures = PreFilingChecks.Run(Subject(pledgors: [Stranger]), [APatent.InForce()]);
        Assert.Contains(failures, f => f.Check == FilingCheck.PledgorIsRegisteredPatentee);
        Assert.Contains("登记簿", failures.First(f => f.Check == FilingCheck.PledgorIsRegisteredPatentee).MessageZh);
    }

    [Fact]
    public void Co_owned_patent_needs_every_co_owner_to_join()
    {
        var failure = Only(PreFilingChecks.Run(Subject(), [APatent.CoOwned()]), FilingCheck.AllCoOwnersJoined);
        Assert.Contains("某大学", failure.MessageZh);
        Assert.Contains("Art. 14", failure.MessageEn);
        Assert.Empty(PreFilingChecks.Run(Subject(pledgors: [Applicant, CoOwner]), [APatent.CoOwned()]));
    }

    [Theory]
    [InlineData(PatentLegalStatus.Application, "尚未授予")]
    [InlineData(PatentLegalStatus.Terminated, "已终止")]
    [InlineData(PatentLegalStatus.Invalidated, "宣告无效")]
    public void Patent_not_granted_terminated_or_invalidated_is_refused(PatentLegalStatus status, string words)
    {
        var failure = Only(PreFilingChecks.Run(Subject(), [APatent.InForce() with { Status = status }]), FilingCheck.GrantedAndInForce);
        Assert.Contains(words, failure.MessageZh);
    }

    [Fact]
    public void Annual_fees_in_arrears_are_refused() =>
        Only(PreFilingChecks.Run(Subject(), [APatent.InForce() with { Proceedings = PatentProceedings.AnnualFeeArrears }]), FilingCheck.AnnualFeesPaid);

    [Fact]
    public void Pending_invalidation_is_refused_unless_both_parties_declare_they_continue()
    {
        var patent = APatent.InForce() with { Proceedings = PatentProceedings.InvalidationPending };
        Only(PreFilingChecks.Run(Subject(), [patent]), FilingCheck.NoInvalidationPending);
        Assert.Empty(PreFilingChecks.Run(Subject(continueDespiteInvalidation: true), [patent]));
    }

    [Theory]
    [InlineData(PatentProceedings.OwnershipDisputeSuspension)]
    [InlineData(PatentProceedings.CourtPreservation)]
    public void Ownership_dispute_or_court_preservation_is_refused(PatentProceedings proceedings) =>
        Only(PreFilingChecks.Run(Subject(), [APatent.InForce() with { Proceedings = proceedings }]), FilingCheck.NoDisputeOrPreservation);

    [Fact]
    public void Debt_term_ending_after_patent_expiry_is_refused()
    {
        var patent = APatent.InForce() with { ExpiresOn = new DateOnly(2028, 3, 30) };
        var failure = Only(PreFilingChecks.Run(Subject(), [patent]), FilingCheck.DebtEndsBeforeExpiry);
        Assert.Contains("2028-03-31", failure.MessageZh);
        Assert.Empty(PreFilingChecks.Run(Subject(), [patent with { ExpiresOn = new DateOnly(2028, 3, 31) }]));
    }

    [Fact]
    public void Forfeiture_clause_is_refused_once_for_the_contract()
    {
        var contract = APledgeCase.AContract with { TransfersPatentOnDefault = true, PatentNumbers = [PatentNo, "ZL202220654321.0"] };
        var second = APatent.InForce("ZL202220654321.0");
        var failure = Only(PreFilingChecks.Run(Subject(contract), [APatent.InForce(), second]), FilingCheck.NoForfeitureClause);
        Assert.Contains("流质", failure.MessageZh);
        Assert.Contains("Art. 428", failure.MessageEn);
    }

    [Fact]
    public void Patent_already_pledged_is_refused_naming_the_lender()
    {
        var patent = APatent.InForce() with { Pledges = [APatent.PledgeTo(OtherLender, "某农商银行")] };
        var failure = Only(PreFilingChecks.Run(Subject(), [patent]), FilingCheck.NotAlreadyPledged);
        Assert.Contains("某农商银行", failure.MessageZh);
        var released = APatent.InForce() with { Pledges = [APatent.PledgeTo(OtherLender) with { ReleasedOn = new DateOnly(2026, 1, 5) }] };
        Assert.Empty(PreFilingChecks.Run(Subject(), [released]));
    }

    [Fact]
    public void Each_patent_of_the_pledge_is_checked()
    {
        var contract = APledgeCase.AContract with { PatentNumbers = [PatentNo, "ZL202220654321.0"] };
        var failures = PreFilingChecks.Run(Subject(contract),
            [APatent.InForce(), APatent.InForce("ZL202220654321.0") with { Proceedings = PatentProceedings.AnnualFeeArrears }]);
        Assert.Equal("ZL202220654321.0", Only(failures, FilingCheck.AnnualFeesPaid).PatentNumber);
    }

    [Fact]
    public void Missing_register_data_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => PreFilingChecks.Run(Subject(), []));
}
