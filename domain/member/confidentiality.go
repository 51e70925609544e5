package member

import (
	"strings"
	"unicode/utf8"

	"huiguan/domain/identity"
)

// Field names of the roster, as the API and exports name them.
const (
	FieldName            = "name"
	FieldUSCC            = "uscc"
	FieldAddress         = "address"
	FieldLegalRepName    = "legal_representative.name"
	FieldLegalRepPhone   = "legal_representative.phone"
	FieldMemberRepName   = "member_representative.name"
	FieldMemberRepPhone  = "member_representative.phone"
	FieldCouncilRepName  = "council_representative.name"
	FieldCouncilRepPhone = "council_representative.phone"
	FieldContacts        = "contacts"
	FieldProfile         = "profile"
	FieldWarnings        = "warnings"
	FieldApplicationRef  = "application_ref"
)

// FieldLevels is the default confidentiality level (密级, 8.1.2.3) of each
// roster field. What is not listed is public: name, tier, region, industry,
// chain segment, status, member number and dates, the member directory.
var FieldLevels = map[string]identity.Clearance{
	FieldUSCC:            identity.Members,
	FieldAddress:         identity.Members,
	FieldLegalRepName:    identity.Members,
	FieldMemberRepName:   identity.Members,
	FieldCouncilRepName:  identity.Members,
	FieldMemberRepPhone:  identity.Internal,
	FieldCouncilRepPhone: identity.Internal,
	FieldContacts:        identity.Internal,
	FieldProfile:         identity.Internal,
	FieldWarnings:        identity.Internal,
	FieldApplicationRef:  identity.Internal,
	// The legal representative's own mobile is personal data of a named
	// person: restricted, and every read of it is audited.
	FieldLegalRepPhone: identity.Restricted,
}

// LevelOf is a field's level.
func LevelOf(field string) identity.Clearance { return FieldLevels[field] }

// MaskPhone keeps the first three and last four digits: 138****5678.
func MaskPhone(s string) string {
	r := []rune(s)
	if len(r) <= 7 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// MaskName keeps the first character: 张**.
func MaskName(s string) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(s)
	return string(r) + strings.Repeat("*", max(n-1, 1))
}

// MaskText keeps the first six characters of an address-like text.
func MaskText(s string) string {
	r := []rune(s)
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + "****"
}

// MaskEmail keeps the first character and the domain: z***@example.com.
func MaskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return MaskText(s)
	}
	r, _ := utf8.DecodeRuneInString(s)
	return string(r) + "***" + s[at:]
}

// MaskUSCC keeps the authority and division codes and the check character.
func MaskUSCC(s string) string {
	if len(s) != 18 {
		return MaskText(s)
	}
	return s[:8] + "*********" + s[17:]
}
