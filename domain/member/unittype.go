package member

import "huiguan/domain/errs"

// UnitType is the legal form of a unit. Its zero value is invalid.
type UnitType string

// Unit types that are legal persons and may join (8.1.2.1).
const (
	Company              UnitType = "company"                // 企业法人
	PublicInstitution    UnitType = "public_institution"     // 事业单位
	SocialOrganisation   UnitType = "social_organisation"    // 社会团体
	PrivateNonEnterprise UnitType = "private_non_enterprise" // 民办非企业单位
	Cooperative          UnitType = "cooperative"            // 农民专业合作社
)

// Unit types that are refused: not legal persons, or state organs.
const (
	BranchCompany      UnitType = "branch_company"      // 分公司
	Partnership        UnitType = "partnership"         // 合伙企业
	SoleProprietorship UnitType = "sole_proprietorship" // 个人独资企业
	IndividualBusiness UnitType = "individual_business" // 个体工商户
	StateOrgan         UnitType = "state_organ"         // 国家机关
)

var eligibleTypes = map[UnitType]bool{Company: true, PublicInstitution: true, SocialOrganisation: true, PrivateNonEnterprise: true, Cooperative: true}
var refusedTypes = map[UnitType]bool{BranchCompany: true, Partnership: true, SoleProprietorship: true, IndividualBusiness: true, StateOrgan: true}

// ClauseEligibility is the clause on who may be a member.
const ClauseEligibility = "8.1.2.1"

// CheckEligibility applies 8.1.2.1: members are lawfully established legal
// persons other than state organs, not natural persons, not overseas
// organisations, that accept the charter. The unit type decides legal-person
// status; the code's prefix alone cannot prove it, but a state-organ (11) or
// individual-business (92) code refuses whatever the type says.
func CheckEligibility(t UnitType, code USCC, overseas, charterAccepted bool) error {
	switch {
	case refusedTypes[t]:
		return errs.Rule("member.unit_type_not_eligible", ClauseEligibility).With("unit_type", string(t))
	case !eligibleTypes[t]:
		return errs.Field("unit_type", "invalid")
	}
	if kind, bad := refusedPrefixes[code.Authority()]; bad {
		return errs.Rule("member.uscc_not_eligible", ClauseEligibility).With("kind", kind)
	}
	if overseas {
		return errs.Rule("member.overseas_not_eligible", ClauseEligibility)
	}
	if !charterAccepted {
		return errs.Rule("member.charter_not_accepted", ClauseEligibility)
	}
	return nil
}
