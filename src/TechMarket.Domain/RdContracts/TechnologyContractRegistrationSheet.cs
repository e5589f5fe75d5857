using TechMarket.Domain.Shared;

namespace TechMarket.Domain.RdContracts;

/// <summary>
/// The data sheet for 技术合同认定登记 (technology-contract registration measures): the seller side (the developer)
/// applies after signing; the technology transaction amount excludes equipment, instruments and materials bought for the work.
/// </summary>
public sealed record TechnologyContractRegistrationSheet(
    Guid ContractId,
    string ContractCategory,
    string ProjectName,
    Guid ApplicantId,
    Guid BuyerId,
    Money ContractAmount,
    Money EquipmentAndMaterials,
    Money TechnologyTransactionAmount,
    PaymentForm PaymentForm,
    DateOnly SignedOn,
    DateOnly PreparedOn)
{
    public static (TechnologyContractRegistrationSheet? Sheet, RdRefusal? Refusal) Prepare(DevelopmentContract contract, Money equipmentAndMaterials, DateOnly preparedOn)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.SignedAt is null)
            return (null, new RdRefusal(RdRefusalCode.NotAllowedNow, "合同签署后方可申请认定登记。", "Register the contract after it is signed."));
        if (equipmentAndMaterials < Money.Zero || equipmentAndMaterials > contract.Payment.FixedAmount)
            return (null, new RdRefusal(RdRefusalCode.WrongAmount, "设备、仪器和材料费用不能为负，也不能超过合同金额。", "Equipment and materials must be between zero and the contract amount."));
        var category = contract.Type switch
        {
            DevelopmentContractType.Commissioned => "技术开发合同（委托开发）",
            DevelopmentContractType.Joint => "技术开发合同（合作开发）",
        };
        return (new TechnologyContractRegistrationSheet(contract.Id, category, contract.Contents.ProjectName, contract.DeveloperId, contract.ClientId,
            contract.Payment.FixedAmount, equipmentAndMaterials, contract.Payment.FixedAmount - equipmentAndMaterials,
            contract.Payment.Form, ChinaTime.Today(contract.SignedAt.Value), preparedOn), null);
    }
}
