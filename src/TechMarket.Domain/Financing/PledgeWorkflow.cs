using Stateless;
using Stateless.Graph;

namespace TechMarket.Domain.Financing;

/// <summary>知识产权质押融资 case states (DOMAIN.md "IP-pledge financing").</summary>
public enum PledgeState
{
    Draft = 1,
    ValuationRequested = 2,
    Valued = 3,
    SubmittedToLender = 4,
    LenderReview = 5,
    Approved = 6,
    Rejected = 7,
    ContractsSigned = 8,
    RegistrationFiled = 9,
    Registered = 10,
    Disbursed = 11,
    Repaying = 12,
    Repaid = 13,
    Released = 14,
    Default = 15,
    Realisation = 16,
    Closed = 17,
}

public enum PledgeTrigger
{
    RequestValuation = 1,
    RecordValuation = 2,
    SubmitToLender = 3,
    StartReview = 4,
    Approve = 5,
    Reject = 6,
    SignContracts = 7,
    FileRegistration = 8,
    RecordRegistration = 9,
    RecordRegistrationRefusal = 10,
    Disburse = 11,
    RecordRepayment = 12,
    Release = 13,
    DeclareDefault = 14,
    StartRealisation = 15,
    CloseRealisation = 16,
}

/// <summary>The parts an organisation can play in a case.</summary>
[Flags]
public enum PledgeRole
{
    None = 0,
    /// <summary>The applicant company (borrower) and the pledgor(s), who may be a third party.</summary>
    Applicant = 1,
    /// <summary>The asset evaluator asked to value this case.</summary>
    Evaluator = 2,
    /// <summary>The lender the case was submitted to (质权人).</summary>
    Lender = 4,
    /// <summary>The IP protection promotion center (operator).</summary>
    Center = 8,
}

/// <summary>
/// The pledge workflow, defined once: the Stateless configuration the case runs, the roles allowed to fire
/// each trigger, and the Chinese labels the diagram shows. The DOT export and the SVG come from this definition.
/// </summary>
public static class PledgeWorkflow
{
    /// <summary>Which roles may fire a trigger.</summary>
    public static PledgeRole RolesFor(PledgeTrigger trigger) => trigger switch
    {
        PledgeTrigger.RequestValuation => PledgeRole.Applicant,
        PledgeTrigger.RecordValuation => PledgeRole.Evaluator,
        PledgeTrigger.SubmitToLender => PledgeRole.Applicant,
        PledgeTrigger.StartReview => PledgeRole.Lender,
        PledgeTrigger.Approve => PledgeRole.Lender,
        PledgeTrigger.Reject => PledgeRole.Lender,
        // Both parties sign; the second signature moves the case.
        PledgeTrigger.SignContracts => PledgeRole.Applicant | PledgeRole.Lender,
        // Measures Art. 3: pledgor and lender file together; either side (or its agent) submits.
        PledgeTrigger.FileRegistration => PledgeRole.Applicant | PledgeRole.Lender,
        // The center may record the notice when it handles filings (专利代办 service).
        PledgeTrigger.RecordRegistration => PledgeRole.Applicant | PledgeRole.Lender | PledgeRole.Center,
        PledgeTrigger.RecordRegistrationRefusal => PledgeRole.Applicant | PledgeRole.Lender | PledgeRole.Center,
        PledgeTrigger.Disburse => PledgeRole.Lender,
        PledgeTrigger.RecordRepayment => PledgeRole.Lender,
        PledgeTrigger.Release => PledgeRole.Applicant | PledgeRole.Lender,
        PledgeTrigger.DeclareDefault => PledgeRole.Lender,
        PledgeTrigger.StartRealisation => PledgeRole.Lender,
        // The center runs the realisation auction and confirms its outcome; the lender may record a private sale.
        PledgeTrigger.CloseRealisation => PledgeRole.Lender | PledgeRole.Center,
    };

    public static string Label(PledgeState state) => state switch
    {
        PledgeState.Draft => "草稿",
        PledgeState.ValuationRequested => "已申请评估",
        PledgeState.Valued => "已评估",
        PledgeState.SubmittedToLender => "已提交贷款机构",
        PledgeState.LenderReview => "贷款机构审查中",
        PledgeState.Approved => "已批准",
        PledgeState.Rejected => "已拒绝",
        PledgeState.ContractsSigned => "合同已签署",
        PledgeState.RegistrationFiled => "已申请质押登记",
        PledgeState.Registered => "已登记",
        PledgeState.Disbursed => "已放款",
        PledgeState.Repaying => "还款中",
        PledgeState.Repaid => "已还清",
        PledgeState.Released => "已注销",
        PledgeState.Default => "违约",
        PledgeState.Realisation => "质权实现中",
        PledgeState.Closed => "已结案",
    };

    public static string Label(PledgeTrigger trigger) => trigger switch
    {
        PledgeTrigger.RequestValuation => "申请评估",
        PledgeTrigger.RecordValuation => "提交评估报告",
        PledgeTrigger.SubmitToLender => "提交贷款机构",
        PledgeTrigger.StartReview => "开始审查",
        PledgeTrigger.Approve => "批准",
        PledgeTrigger.Reject => "拒绝",
        PledgeTrigger.SignContracts => "签署合同",
        PledgeTrigger.FileRegistration => "申请质押登记",
        PledgeTrigger.RecordRegistration => "登记通知",
        PledgeTrigger.RecordRegistrationRefusal => "不予登记",
        PledgeTrigger.Disburse => "放款",
        PledgeTrigger.RecordRepayment => "还款",
        PledgeTrigger.Release => "注销质押",
        PledgeTrigger.DeclareDefault => "宣告违约",
        PledgeTrigger.StartRealisation => "启动处置",
        PledgeTrigger.CloseRealisation => "处置完毕",
    };

    public const string OutstandingGuard = "尚有未还本金";
    public const string PaidOffGuard = "本金已还清";

    /// <summary>Configures a machine over the case's state. <paramref name="fullyRepaid"/> decides where a repayment leads.</summary>
    internal static StateMachine<PledgeState, PledgeTrigger> Build(Func<PledgeState> read, Action<PledgeState> write, Func<bool> fullyRepaid)
    {
        var m = new StateMachine<PledgeState, PledgeTrigger>(read, write);
        m.Configure(PledgeState.Draft).Permit(PledgeTrigger.RequestValuation, PledgeState.ValuationRequested);
        m.Configure(PledgeState.ValuationRequested).Permit(PledgeTrigger.RecordValuation, PledgeState.Valued);
        m.Configure(PledgeState.Valued).Permit(PledgeTrigger.SubmitToLender, PledgeState.SubmittedToLender);
        m.Configure(PledgeState.SubmittedToLender).Permit(PledgeTrigger.StartReview, PledgeState.LenderReview);
        m.Configure(PledgeState.LenderReview)
            .Permit(PledgeTrigger.Approve, PledgeState.Approved)
            .Permit(PledgeTrigger.Reject, PledgeState.Rejected);
        m.Configure(PledgeState.Approved).Permit(PledgeTrigger.SignContracts, PledgeState.ContractsSigned);
        m.Configure(PledgeState.ContractsSigned).Permit(PledgeTrigger.FileRegistration, PledgeState.RegistrationFiled);
        m.Configure(PledgeState.RegistrationFiled)
            .Permit(PledgeTrigger.RecordRegistration, PledgeState.Registered)
            .Permit(PledgeTrigger.RecordRegistrationRefusal, PledgeState.ContractsSigned);
        // Measures Art. 18(3)-(5): waiver, void main contract or another statutory end release a standing pledge early.
        m.Configure(PledgeState.Registered)
            .Permit(PledgeTrigger.Disburse, PledgeState.Disbursed)
            .Permit(PledgeTrigger.Release, PledgeState.Released);
        m.Configure(PledgeState.Disbursed)
            .PermitIf(PledgeTrigger.RecordRepayment, PledgeState.Repaying, () => !fullyRepaid(), OutstandingGuard)
            .PermitIf(PledgeTrigger.RecordRepayment, PledgeState.Repaid, fullyRepaid, PaidOffGuard)
            .Permit(PledgeTrigger.DeclareDefault, PledgeState.Default)
            .Permit(PledgeTrigger.Release, PledgeState.Released);
        m.Configure(PledgeState.Repaying)
            .PermitReentryIf(PledgeTrigger.RecordRepayment, () => !fullyRepaid(), OutstandingGuard)
            .PermitIf(PledgeTrigger.RecordRepayment, PledgeState.Repaid, fullyRepaid, PaidOffGuard)
            .Permit(PledgeTrigger.DeclareDefault, PledgeState.Default)
            .Permit(PledgeTrigger.Release, PledgeState.Released);
        // Measures Art. 18(1): the debt is performed.
        m.Configure(PledgeState.Repaid).Permit(PledgeTrigger.Release, PledgeState.Released);
        m.Configure(PledgeState.Default).Permit(PledgeTrigger.StartRealisation, PledgeState.Realisation);
        // Measures Art. 18(2): the pledge has been realised.
        m.Configure(PledgeState.Realisation).Permit(PledgeTrigger.CloseRealisation, PledgeState.Closed);
        m.Configure(PledgeState.Rejected);
        m.Configure(PledgeState.Released);
        m.Configure(PledgeState.Closed);
        return m;
    }

    /// <summary>A machine with the definition alone, for diagrams.</summary>
    public static StateMachine<PledgeState, PledgeTrigger> Definition(PledgeState current = PledgeState.Draft)
    {
        var state = current;
        return Build(() => state, s => state = s, () => false);
    }

    /// <summary>Graphviz DOT of the workflow, straight from Stateless.</summary>
    public static string ToDot() => UmlDotGraph.Format(Definition().GetInfo());
}
