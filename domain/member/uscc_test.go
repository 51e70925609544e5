package member_test

import (
	"errors"
	"testing"

	"huiguan/domain/errs"
	"huiguan/domain/member"
)

// valid builds a code with a correct check character from 17 characters.
func valid(first17 string) string { return first17 + string(member.CheckChar(first17)) }

func TestParseUSCC(t *testing.T) {
	t.Parallel()
	good := valid("91440101MA5CXXXX0") // not a real unit: synthetic, with a computed check character
	cases := []struct {
		in, field string
	}{
		{good, ""},
		{" " + good[:17] + string(good[17]) + " ", ""},
		{"91440101MA5CXXXX", "uscc_length"},
		{good[:17] + "I", "uscc_charset"},
		{"9144A101MA5CXXXX0" + "0", "uscc_division"},
	}
	for _, c := range cases {
		_, err := member.ParseUSCC(c.in)
		if c.field == "" {
			if err != nil {
				t.Fatalf("%q refused: %v", c.in, err)
			}
			continue
		}
		e, ok := errs.As(err)
		if !ok || e.Fields["uscc"] != c.field {
			t.Fatalf("%q: err = %v, want %s", c.in, err, c.field)
		}
	}
	// Every wrong check character is caught.
	for _, ch := range "0123456789ABCDEFGHJKLMNPQRTUWXY" {
		code := good[:17] + string(ch)
		_, err := member.ParseUSCC(code)
		if (byte(ch) == good[17]) != (err == nil) {
			t.Fatalf("check character %c: err = %v", ch, err)
		}
	}
}

func TestCheckCharKnownValue(t *testing.T) {
	t.Parallel()
	// The worked example printed in GB 32100-2015 is 91350100M000100Y43.
	if c := member.CheckChar("91350100M000100Y4"); c != '3' {
		t.Fatalf("check char = %c, want 3", c)
	}
}

func TestEligibility(t *testing.T) {
	t.Parallel()
	company, _ := member.ParseUSCC(valid("91440101MA5CXXXX0"))
	organ, _ := member.ParseUSCC(valid("11440000006940000"))
	getihu, _ := member.ParseUSCC(valid("92440101MA5CXXXX0"))
	social, _ := member.ParseUSCC(valid("51440000MJ0000000"))
	cases := []struct {
		name     string
		t        member.UnitType
		code     member.USCC
		overseas bool
		charter  bool
		want     string // error code, "" for eligible
	}{
		{"company", member.Company, company, false, true, ""},
		{"social organisation", member.SocialOrganisation, social, false, true, ""},
		{"branch company", member.BranchCompany, company, false, true, "member.unit_type_not_eligible"},
		{"partnership", member.Partnership, company, false, true, "member.unit_type_not_eligible"},
		{"sole proprietorship", member.SoleProprietorship, company, false, true, "member.unit_type_not_eligible"},
		{"state organ type", member.StateOrgan, organ, false, true, "member.unit_type_not_eligible"},
		{"state organ code under company type", member.Company, organ, false, true, "member.uscc_not_eligible"},
		{"individual business code", member.Company, getihu, false, true, "member.uscc_not_eligible"},
		{"overseas", member.Company, company, true, true, "member.overseas_not_eligible"},
		{"charter not accepted", member.Company, company, false, false, "member.charter_not_accepted"},
	}
	for _, c := range cases {
		err := member.CheckEligibility(c.t, c.code, c.overseas, c.charter)
		if c.want == "" {
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			continue
		}
		e, ok := errs.As(err)
		if !ok || e.Code != c.want || !errors.Is(err, errs.ErrRule) || e.Clause != "8.1.2.1" {
			t.Fatalf("%s: err = %v, want %s citing 8.1.2.1", c.name, err, c.want)
		}
	}
	if err := member.CheckEligibility("person", company, false, true); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("unknown type: %v", err)
	}
}
