// Package governance holds the association's governance records: its own
// profile, its bodies and their terms, meetings and resolutions, officer
// positions with their term limit, and branch organisations (7.1.2, 7.3.3).
package governance

import (
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
	"huiguan/domain/member"
)

// Association is the association's own registered profile. Other rules
// read it: branch names start with the full name (7.1.2.3), consulting
// stays within the business scope (8.2.2.1).
type Association struct {
	FullName              string // 规范全称, exactly as registered
	ShortName             string
	USCC                  member.USCC
	BusinessScope         []string
	RegistrationAuthority string
	RegisteredOn          time.Time
}

// NewAssociation validates a profile.
func NewAssociation(fullName, shortName, uscc string, scope []string, authority string, registeredOn time.Time) (Association, error) {
	fields := map[string]string{}
	a := Association{FullName: strings.TrimSpace(fullName), ShortName: strings.TrimSpace(shortName),
		RegistrationAuthority: strings.TrimSpace(authority), RegisteredOn: registeredOn}
	if a.FullName == "" {
		fields["full_name"] = "required"
	} else if utf8.RuneCountInString(a.FullName) > 64 {
		fields["full_name"] = "too_long"
	}
	if a.RegistrationAuthority == "" {
		fields["registration_authority"] = "required"
	}
	if registeredOn.IsZero() {
		fields["registered_on"] = "required"
	}
	code, err := member.ParseUSCC(uscc)
	if err != nil {
		fields["uscc"] = "invalid"
	}
	a.USCC = code
	for _, s := range scope {
		if s = strings.TrimSpace(s); s != "" {
			a.BusinessScope = append(a.BusinessScope, s)
		}
	}
	if len(a.BusinessScope) == 0 {
		fields["business_scope"] = "required"
	}
	if len(fields) > 0 {
		return Association{}, errs.Invalid("request.invalid_fields", fields)
	}
	return a, nil
}

// InScope reports whether item is one of the registered business-scope items.
func (a Association) InScope(item string) bool {
	for _, s := range a.BusinessScope {
		if s == strings.TrimSpace(item) {
			return true
		}
	}
	return false
}
