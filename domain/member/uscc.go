// Package member holds the member registry's rules: who may join (8.1.2.1),
// the tiers (8.1.1.1), the lifecycle (8.1.2.2) and the roster's
// confidentiality levels (8.1.2.3).
package member

import (
	"strings"

	"huiguan/domain/errs"
)

// usccCharset is the code alphabet of GB 32100-2015: digits and the capital
// letters without I, O, S, V and Z. A character's value is its index.
const usccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^(i-1) mod 31 for positions 1–17.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCC is a validated 统一社会信用代码.
type USCC string

// ParseUSCC normalises (trim, upper-case) and validates a code: 18 characters
// from the code alphabet, a numeric administrative-division code in
// positions 3–8, and the check character of position 18.
func ParseUSCC(s string) (USCC, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 18 {
		return "", usccError("uscc_length")
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(usccCharset, s[i])
		if v < 0 {
			return "", usccError("uscc_charset")
		}
		if i >= 2 && i < 8 && v > 9 {
			return "", usccError("uscc_division")
		}
		if i < 17 {
			sum += v * usccWeights[i]
		}
	}
	if s[17] != CheckChar(s[:17]) {
		return "", usccError("uscc_check")
	}
	return USCC(s), nil
}

// CheckChar computes the check character for the first 17 characters of a
// code (which must be from the alphabet).
func CheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(usccCharset, first17[i]) * usccWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return usccCharset[c]
}

func usccError(code string) error {
	return &errs.Error{Kind: errs.ErrInvalid, Code: "member.uscc_invalid", Fields: map[string]string{"uscc": code}}
}

// Authority is the registration-management department code (position 1–2).
func (u USCC) Authority() string { return string(u[:2]) }

// Prefixes that can never be a member whatever the unit type says.
var refusedPrefixes = map[string]string{
	"11": "state_organ",         // 机关
	"92": "individual_business", // 个体工商户
}
