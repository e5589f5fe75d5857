using System.Globalization;
using System.Security.Claims;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Financing;

/// <summary>Who is acting on a pledge case, and how its codes read on the pages.</summary>
public static class PledgeDisplay
{
    /// <summary>Null for a person without an organisation (they see no cases).</summary>
    public static PledgeActor? PledgeActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.OrganizationId() is { } org && user.UserId() is { } person ? new PledgeActor(org, person, user.IsCenterStaff()) : null;
    }

    /// <summary>UTC+8, as people in Shenzhen read the clock.</summary>
    public static string Local(DateTimeOffset at) => at.ToOffset(ChinaCalendar.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (UTC+8)";

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Roles(PledgeRole roles)
    {
        var names = new List<string>();
        if (roles.HasFlag(PledgeRole.Applicant)) names.Add("申请人/出质人");
        if (roles.HasFlag(PledgeRole.Evaluator)) names.Add("评估机构");
        if (roles.HasFlag(PledgeRole.Lender)) names.Add("贷款机构（质权人）");
        if (roles.HasFlag(PledgeRole.Center)) names.Add("服务中心");
        return names.Count == 0 ? "—" : string.Join("、", names);
    }

    public static string Method(ValuationMethod method) => method switch
    {
        ValuationMethod.Cost => "成本法 / cost",
        ValuationMethod.Market => "市场法 / market",
        ValuationMethod.Income => "收益法 / income",
    };

    /// <summary>Pledge Measures Art. 18, (一)-(五).</summary>
    public static string Ground(ReleaseGround ground) => ground switch
    {
        ReleaseGround.DebtPerformed => "（一）债务人按期履行债务或出质人提前清偿所担保的债务",
        ReleaseGround.PledgeRealised => "（二）质权已经实现",
        ReleaseGround.LenderWaived => "（三）质权人放弃质权",
        ReleaseGround.ContractVoid => "（四）因主合同无效、被撤销致使质押合同无效、被撤销",
        ReleaseGround.OtherStatutory => "（五）法律规定质权消灭的其他情形",
    };

    public static string Check(FilingCheck check) => check switch
    {
        FilingCheck.PledgorIsRegisteredPatentee => "出质人为登记的专利权人 / Pledgor is the registered patentee",
        FilingCheck.AllCoOwnersJoined => "全体共有人参加出质 / All co-owners join",
        FilingCheck.GrantedAndInForce => "专利已授权且有效 / Granted and in force",
        FilingCheck.AnnualFeesPaid => "年费已缴纳 / Annual fees paid",
        FilingCheck.NoInvalidationPending => "无无效宣告程序 / No pending invalidation",
        FilingCheck.NoDisputeOrPreservation => "无权属纠纷中止或保全 / No dispute suspension or court preservation",
        FilingCheck.DebtEndsBeforeExpiry => "债务期限不超过专利有效期 / Debt ends before the patent expires",
        FilingCheck.NoForfeitureClause => "无流质条款 / No forfeiture (流质) clause",
        FilingCheck.NotAlreadyPledged => "未重复质押 / Not already pledged",
    };

    public static string Status(PatentLegalStatus status) => status switch
    {
        PatentLegalStatus.Application => "审中",
        PatentLegalStatus.InForce => "有效",
        PatentLegalStatus.Terminated => "终止",
        PatentLegalStatus.Invalidated => "无效",
    };

    public static string Dealing(PatentDealing scope) =>
        string.Join("、", Enum.GetValues<PatentDealing>().Where(d => d != PatentDealing.None && scope.HasFlag(d)).Select(EncumbrancePolicy.Describe));
}
