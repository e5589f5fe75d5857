namespace TechMarket.Domain.Catalogue;

/// <summary>What is being traded. Patent terms per Patent Law Art. 42.</summary>
public enum AssetKind
{
    /// <summary>发明专利 (20 years from filing)</summary>
    InventionPatent = 1,
    /// <summary>实用新型 (10 years)</summary>
    UtilityModel = 2,
    /// <summary>外观设计 (15 years)</summary>
    Design = 3,
    /// <summary>专利申请 (not yet granted)</summary>
    PatentApplication = 4,
    /// <summary>科技成果: papers, software copyright, IC layout, plant variety, know-how</summary>
    ResearchResult = 5,
    /// <summary>技术需求 posted by a company</summary>
    Demand = 6,
}

public static class AssetKinds
{
    /// <summary>Stable lower-case code used in URLs, the API and the search index.</summary>
    public static string Code(this AssetKind kind) => kind switch
    {
        AssetKind.InventionPatent => "invention_patent",
        AssetKind.UtilityModel => "utility_model",
        AssetKind.Design => "design",
        AssetKind.PatentApplication => "patent_application",
        AssetKind.ResearchResult => "research_result",
        AssetKind.Demand => "demand",
    };

    public static bool TryParseCode(string? code, out AssetKind kind)
    {
        foreach (var k in Enum.GetValues<AssetKind>())
        {
            if (string.Equals(k.Code(), code, StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
        }
        kind = default;
        return false;
    }
}
