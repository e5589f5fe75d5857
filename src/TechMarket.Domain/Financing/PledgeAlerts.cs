using TechMarket.Domain.Rights;

namespace TechMarket.Domain.Financing;

public enum PledgeAlertKind
{
    /// <summary>An annual fee falls due soon: unpaid fees end the patent and with it the collateral.</summary>
    AnnualFeeDue = 1,
    /// <summary>A pledged patent expires before the debt matures.</summary>
    ExpiresBeforeMaturity = 2,
    /// <summary>An instalment is past due and unpaid.</summary>
    InstalmentOverdue = 3,
    /// <summary>The register shows a problem with a pledged patent (lapse, arrears, invalidation, preservation).</summary>
    PatentStanding = 4,
}

public sealed record PledgeAlert(PledgeAlertKind Kind, string? PatentNumber, string MessageZh);

/// <summary>Reminders for the lender's portfolio and the applicant: computed, never stored; time passed in.</summary>
public static class PledgeAlerts
{
    public static IReadOnlyList<PledgeAlert> For(PledgeCase pledge, IReadOnlyCollection<PatentRight> patents, DateOnly today, int feeWarningDays = 30)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        ArgumentNullException.ThrowIfNull(patents);
        var alerts = new List<PledgeAlert>();
        if (pledge.State is PledgeState.Draft or PledgeState.Rejected or PledgeState.Released or PledgeState.Closed) return alerts;
        foreach (var patent in patents.Where(p => pledge.PatentNumbers.Contains(p.Number, StringComparer.OrdinalIgnoreCase)))
        {
            if (patent.NextAnnualFeeDueOn is { } due && due >= today && due.DayNumber - today.DayNumber <= feeWarningDays)
                alerts.Add(new(PledgeAlertKind.AnnualFeeDue, patent.Number, $"专利 {patent.Number} 年费将于 {due:yyyy-MM-dd} 到期，请按时缴纳。"));
            if (pledge.Contract is { } contract && patent.ExpiresOn < contract.DebtMaturesOn)
                alerts.Add(new(PledgeAlertKind.ExpiresBeforeMaturity, patent.Number, $"专利 {patent.Number} 于 {patent.ExpiresOn:yyyy-MM-dd} 届满，早于债务到期日 {contract.DebtMaturesOn:yyyy-MM-dd}。"));
            if (patent.Status != PatentLegalStatus.InForce || patent.Proceedings != PatentProceedings.None)
                alerts.Add(new(PledgeAlertKind.PatentStanding, patent.Number, $"专利 {patent.Number} 法律状态异常，请核查。"));
        }
        foreach (var instalment in pledge.OverdueInstalments(today))
            alerts.Add(new(PledgeAlertKind.InstalmentOverdue, null, $"{instalment.DueOn:yyyy-MM-dd} 到期的本金 {instalment.Principal} 尚未归还。"));
        return alerts;
    }
}
