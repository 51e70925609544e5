package member_test

import (
	"errors"
	"testing"
	"time"

	"huiguan/domain/errs"
	"huiguan/domain/member"
)

var today = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

func application() member.Application {
	return member.Application{
		Name: "广州速达物流有限公司", USCC: valid("91440101MA5CXXXX0"), UnitType: member.Company, TierID: 1,
		CharterAccepted: true, Channel: member.ChannelPaper,
		Roster: member.Roster{
			Address:   "广州市黄埔区港前路 1 号",
			LegalRep:  member.Person{Name: "王建国", Phone: "13800000001"},
			MemberRep: member.Person{Name: "李敏", Phone: "13800000002"},
			Contacts:  []member.Contact{{Name: "赵婷", Title: "行政主管", Phone: "020-80000003", Email: "zhao@example.com"}},
		},
	}
}

func TestApplyMakesAnApplicant(t *testing.T) {
	t.Parallel()
	m, err := member.Apply(application(), today)
	if err != nil || m.Status != member.Applicant || m.JoinedOn != nil {
		t.Fatalf("apply: %+v %v", m, err)
	}
	bad := application()
	bad.USCC = "91440101MA5CXXXX0X"
	if _, err := member.Apply(bad, today); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("bad code: %v", err)
	}
	bad = application()
	bad.UnitType = member.BranchCompany
	if _, err := member.Apply(bad, today); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("branch company: %v", err)
	}
	bad = application()
	bad.Name, bad.USCC = "", "x"
	_, err = member.Apply(bad, today)
	if e, ok := errs.As(err); !ok || e.Fields["name"] == "" || e.Fields["uscc"] == "" {
		t.Fatalf("several bad fields must all be named: %v", err)
	}
}

func TestApprovalNeedsACompleteRoster(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		edit   func(*member.Application)
		fields []string
	}{
		{"no address", func(a *member.Application) { a.Roster.Address = "" }, []string{"address"}},
		{"no legal representative", func(a *member.Application) { a.Roster.LegalRep = member.Person{} }, []string{"legal_representative.name", "legal_representative.phone"}},
		{"no member representative", func(a *member.Application) { a.Roster.MemberRep.Name = "" }, []string{"member_representative.name"}},
		{"no contact", func(a *member.Application) { a.Roster.Contacts = nil }, []string{"contacts"}},
		{"council unit without its representative", func(a *member.Application) { a.CouncilUnit = true }, []string{"council_representative"}},
	}
	for _, c := range cases {
		a := application()
		c.edit(&a)
		m, err := member.Apply(a, today)
		if err != nil {
			t.Fatalf("%s: apply: %v", c.name, err)
		}
		err = m.Approve("2026-0001", today)
		e, ok := errs.As(err)
		if !ok || e.Code != "member.roster_incomplete" || e.Clause != "8.1.2.3" {
			t.Fatalf("%s: err = %v", c.name, err)
		}
		for _, f := range c.fields {
			if e.Fields[f] == "" {
				t.Fatalf("%s: field %s not named in %v", c.name, f, e.Fields)
			}
		}
		if m.Status != member.Applicant {
			t.Fatalf("%s: a refused approval changed the status", c.name)
		}
	}
	a := application()
	a.CouncilUnit = true
	a.Roster.CouncilRep = &member.Person{Name: "王建国", Phone: "13800000001"}
	m, _ := member.Apply(a, today)
	if err := m.Approve("2026-0001", today); err != nil || m.Status != member.Active || m.MemberNo != "2026-0001" {
		t.Fatalf("complete council unit: %v %+v", err, m)
	}
	if err := m.Approve("2026-0002", today); !errors.Is(err, errs.ErrRule) {
		t.Fatal("approving twice must be refused")
	}
}

func TestWithdrawalIsFree(t *testing.T) {
	t.Parallel()
	for _, from := range []member.Status{member.Applicant, member.Active, member.Suspended} {
		m := &member.Member{Status: from}
		if err := m.Withdraw("", today); err != nil || m.Status != member.Withdrawn || m.Billable() {
			t.Fatalf("withdraw from %s: %v", from, err)
		}
	}
	m := &member.Member{Status: member.Withdrawn}
	if err := m.Withdraw("again", today); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("withdrawn twice: %v", err)
	}
}

func TestExpulsionNeedsReasonApproverAndResolution(t *testing.T) {
	t.Parallel()
	m := &member.Member{Status: member.Active}
	err := m.Expel("严重失信", "", "", today)
	if e, ok := errs.As(err); !ok || e.Fields["approver"] == "" || e.Fields["resolution_ref"] == "" || m.Status != member.Active {
		t.Fatalf("incomplete expulsion: %v", err)
	}
	if err := m.Expel("严重失信", "黄会长", "第三届理事会第五次会议决议", today); err != nil || m.Status != member.Expelled {
		t.Fatalf("expulsion: %v", err)
	}
	applicant := &member.Member{Status: member.Applicant}
	if err := applicant.Expel("x", "y", "z", today); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("expelling an applicant: %v", err)
	}
}

func TestSuspendAndReinstate(t *testing.T) {
	t.Parallel()
	m := &member.Member{Status: member.Active}
	if err := m.Suspend(""); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("suspend without reason: %v", err)
	}
	if err := m.Suspend("年检异常"); err != nil || m.Status != member.Suspended || !m.Billable() {
		t.Fatalf("suspend: %v", err)
	}
	if err := m.Reinstate(); err != nil || m.Status != member.Active {
		t.Fatalf("reinstate: %v", err)
	}
	if err := m.Reinstate(); !errors.Is(err, errs.ErrRule) {
		t.Fatal("reinstating an active member must be refused")
	}
}

func TestTiers(t *testing.T) {
	t.Parallel()
	ok := member.Tier{Name: "会长单位", Rank: 1, AnnualFeeFen: 5_000_000, Services: []string{"行业年会席位"}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, tier := range map[string]member.Tier{
		"no fee":      {Name: "x", AnnualFeeFen: 0, Services: []string{"s"}},
		"negative":    {Name: "x", AnnualFeeFen: -100, Services: []string{"s"}},
		"no services": {Name: "x", AnnualFeeFen: 100},
		"no name":     {AnnualFeeFen: 100, Services: []string{"s"}},
	} {
		if err := tier.Validate(); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("%s accepted", name)
		}
	}
	if err := member.CheckTierLimit(3); err != nil {
		t.Fatalf("fourth tier refused: %v", err)
	}
	err := member.CheckTierLimit(4)
	if e, ok := errs.As(err); !ok || e.Clause != "8.1.1.1" || e.Code != "tier.limit" {
		t.Fatalf("fifth tier: %v", err)
	}
}

func TestMasks(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		member.MaskPhone("13812345678"):       "138****5678",
		member.MaskName("王建国"):                "王**",
		member.MaskEmail("zhao@example.com"):  "z***@example.com",
		member.MaskUSCC("91440101MA5CXXXX0Y"): "91440101*********Y",
		member.MaskText("广州市黄埔区港前路 1 号"):      "广州市黄埔区****",
	}
	for got, want := range cases {
		if got != want {
			t.Fatalf("mask = %q, want %q", got, want)
		}
	}
}
