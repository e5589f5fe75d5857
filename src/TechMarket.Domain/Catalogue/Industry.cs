namespace TechMarket.Domain.Catalogue;

/// <summary>Pingshan's 3+X industries.</summary>
public enum Industry
{
    Unspecified = 0,
    /// <summary>新能源汽车与智能网联汽车</summary>
    NewEnergyVehicles = 1,
    /// <summary>生物医药</summary>
    Biomedicine = 2,
    /// <summary>新一代信息技术</summary>
    NextGenIt = 3,
    /// <summary>未来产业 (the X)</summary>
    FutureIndustries = 4,
}
