namespace TechMarket.Domain.Catalogue;

/// <summary>The type digit of a CN application number (CNIPA 专利申请号标准 ZC 0006-2003).</summary>
public enum CnPatentType
{
    /// <summary>1 发明</summary>
    Invention = 1,
    /// <summary>2 实用新型</summary>
    UtilityModel = 2,
    /// <summary>3 外观设计</summary>
    Design = 3,
    /// <summary>8 进入中国国家阶段的 PCT 发明专利申请</summary>
    PctInvention = 8,
    /// <summary>9 进入中国国家阶段的 PCT 实用新型专利申请</summary>
    PctUtilityModel = 9,
}

public static class CnPatentTypes
{
    /// <summary>The kind of right the application leads to: PCT national-phase entries are inventions or utility models.</summary>
    public static AssetKind GrantedKind(this CnPatentType type) => type switch
    {
        CnPatentType.Invention or CnPatentType.PctInvention => AssetKind.InventionPatent,
        CnPatentType.UtilityModel or CnPatentType.PctUtilityModel => AssetKind.UtilityModel,
        CnPatentType.Design => AssetKind.Design,
    };

    public static string DisplayName(this CnPatentType type) => type switch
    {
        CnPatentType.Invention => "发明",
        CnPatentType.UtilityModel => "实用新型",
        CnPatentType.Design => "外观设计",
        CnPatentType.PctInvention => "PCT 发明",
        CnPatentType.PctUtilityModel => "PCT 实用新型",
    };
}
