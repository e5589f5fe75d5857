namespace TechMarket.Domain.Organizations;

public enum OrganizationType
{
    /// <summary>高校 / 科研院所</summary>
    University = 1,
    /// <summary>企业</summary>
    Company = 2,
    /// <summary>知识产权保护促进中心 — the operator.</summary>
    Center = 3,
    /// <summary>银行 / 贷款机构</summary>
    Lender = 4,
    /// <summary>资产评估机构</summary>
    Evaluator = 5,
    /// <summary>拍卖企业 (Auction Law Arts 10-16)</summary>
    AuctionFirm = 6,
}

public enum VerificationStatus
{
    Pending = 0,
    Verified = 1,
    Rejected = 2,
}
