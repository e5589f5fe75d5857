using Microsoft.Extensions.Localization;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Events;

namespace TechMarket.Web.Center;

/// <summary>Display names of the center workspace's codes; the Chinese text is the resource key.</summary>
public static class CenterLabels
{
    public static string Stage(IStringLocalizer t, BrokerageStage stage)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[stage switch
        {
            BrokerageStage.New => "新需求",
            BrokerageStage.Contacted => "已联系",
            BrokerageStage.Negotiating => "洽谈中",
            BrokerageStage.Deal => "已成交",
            BrokerageStage.Closed => "已结案",
            BrokerageStage.Dropped => "已放弃",
        }];
    }

    public static string Subject(IStringLocalizer t, BrokerageSubjectKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[kind switch
        {
            BrokerageSubjectKind.Listing => "挂牌成果",
            BrokerageSubjectKind.Demand => "技术需求",
            BrokerageSubjectKind.Deal => "交易",
            BrokerageSubjectKind.Enquiry => "咨询",
        }];
    }

    public static string Refusal(IStringLocalizer t, BrokerageRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[refusal switch
        {
            BrokerageRefusal.None => "已保存",
            BrokerageRefusal.Finished => "案件已结束，不能再修改。",
            BrokerageRefusal.NotNextStage => "只能推进到下一阶段，或放弃。",
            BrokerageRefusal.FeeNotAgreed => "请先填写约定的经纪服务费（可为 0）再结案。",
            BrokerageRefusal.NoBroker => "请先指派技术经纪人。",
            BrokerageRefusal.NegativeFee => "经纪服务费不能为负数。",
        }];
    }

    public static string EventKind(IStringLocalizer t, PromotionEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[kind switch
        {
            PromotionEventKind.Showcase => "科技成果推介会",
            PromotionEventKind.PatentAuction => "专利技术竞价会",
            PromotionEventKind.PolicyBriefing => "政策解读",
        }];
    }

    public static string Registration(IStringLocalizer t, EventRegistrationStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[status switch
        {
            EventRegistrationStatus.Confirmed => "已报名",
            EventRegistrationStatus.Waitlisted => "候补中",
            EventRegistrationStatus.Cancelled => "已取消",
        }];
    }

    /// <summary>A UTC time shown in Beijing time.</summary>
    public static string Beijing(DateTimeOffset at) => at.ToOffset(TechMarket.Domain.Shared.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
