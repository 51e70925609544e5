package governance_test

import (
	"errors"
	"testing"
	"time"

	"huiguan/domain/errs"
	gov "huiguan/domain/governance"
	"huiguan/domain/member"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func clause(t *testing.T, err error, code, want string) {
	t.Helper()
	e, ok := errs.As(err)
	if !ok || e.Code != code || e.Clause != want {
		t.Fatalf("err = %v, want %s citing %q", err, code, want)
	}
}

func association(t *testing.T) gov.Association {
	code := "51440000MJL0000" + "00"
	code += string(member.CheckChar(code))
	a, err := gov.NewAssociation("广东省物流行业协会", "省物流协会", code, []string{"行业标准制定", "行业培训", "咨询服务"}, "广东省民政厅", day("2001-06-18"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAssociationProfile(t *testing.T) {
	t.Parallel()
	a := association(t)
	if !a.InScope("行业培训") || a.InScope("物业管理") {
		t.Fatal("business scope lookup")
	}
	_, err := gov.NewAssociation("", "", "x", nil, "", time.Time{})
	e, ok := errs.As(err)
	if !ok || len(e.Fields) != 5 {
		t.Fatalf("every missing field must be named: %v", err)
	}
}

func TestRatios(t *testing.T) {
	t.Parallel()
	two3 := gov.Ratio{Num: 2, Den: 3}
	if !two3.Reached(20, 30) || two3.Reached(19, 30) {
		t.Fatal("two thirds of 30 is 20")
	}
	half := gov.Ratio{Num: 1, Den: 2}
	if half.Exceeded(15, 30) || !half.Exceeded(16, 30) {
		t.Fatal("a majority of 30 is 16")
	}
}

func body(seats int) gov.Body {
	b := gov.Body{ID: 1, Kind: gov.Council, Name: "第五届理事会", TermNo: 5, TermStart: day("2023-01-01"), TermEnd: day("2027-12-31"), Rules: gov.DefaultRules}
	for i := 1; i <= seats; i++ {
		id := int64(i)
		b.Seats = append(b.Seats, gov.Seat{MemberID: &id})
	}
	return b
}

func attend(n, of int) []gov.Attendance {
	var out []gov.Attendance
	for i := 1; i <= of; i++ {
		id := int64(i)
		status := gov.Absent
		if i <= n {
			status = gov.Present
		}
		out = append(out, gov.Attendance{Seat: gov.Seat{MemberID: &id}, Status: status})
	}
	return out
}

func TestQuorumAndOutcome(t *testing.T) {
	t.Parallel()
	b := body(30)
	m, err := gov.RecordMeeting(b, gov.Meeting{Title: "第五届理事会第三次会议", HeldOn: day("2026-03-01"), Attended: attend(20, 30)}, 30)
	if err != nil || m.Attending != 20 || !m.Quorate(b.Rules) {
		t.Fatalf("20 of 30 attend: %+v %v", m, err)
	}
	r, err := gov.Decide(b, m, gov.Resolution{Title: "年度工作计划", Kind: gov.OtherDecision, VotesFor: 11, VotesAgainst: 9})
	if err != nil || r.Outcome != gov.Passed {
		t.Fatalf("11 of 20 for an ordinary resolution: %+v %v", r, err)
	}
	r, _ = gov.Decide(b, m, gov.Resolution{Title: "年度工作计划", Kind: gov.OtherDecision, VotesFor: 10, VotesAgainst: 10})
	if r.Outcome != gov.Failed {
		t.Fatal("a tie does not pass")
	}
	r, _ = gov.Decide(b, m, gov.Resolution{Title: "会费标准", Kind: gov.FeeStandard, VotesFor: 13, VotesAgainst: 7})
	if r.Outcome != gov.Failed {
		t.Fatal("13 of 20 is short of two thirds for a fee standard")
	}
	r, _ = gov.Decide(b, m, gov.Resolution{Title: "会费标准", Kind: gov.FeeStandard, VotesFor: 14, VotesAgainst: 6})
	if r.Outcome != gov.Passed {
		t.Fatal("14 of 20 reaches two thirds")
	}
	if _, err := gov.Decide(b, m, gov.Resolution{Title: "x", Kind: gov.OtherDecision, VotesFor: 15, VotesAgainst: 6}); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("21 votes from 20 attendees: %v", err)
	}
	inquorate, _ := gov.RecordMeeting(b, gov.Meeting{Title: "临时会议", HeldOn: day("2026-04-01"), Attended: attend(19, 30)}, 30)
	if _, err := gov.Decide(b, inquorate, gov.Resolution{Title: "x", Kind: gov.OtherDecision, VotesFor: 19}); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("resolution of an inquorate meeting: %v", err)
	}
	stranger := int64(99)
	_, err = gov.RecordMeeting(b, gov.Meeting{Title: "x", HeldOn: day("2026-04-01"), Attended: []gov.Attendance{{Seat: gov.Seat{MemberID: &stranger}, Status: gov.Present}}}, 30)
	if e, ok := errs.As(err); !ok || e.Fields["attendees"] != "not_a_seat" {
		t.Fatalf("attendee outside the body: %v", err)
	}
}

func TestTermLimit(t *testing.T) {
	t.Parallel()
	def := gov.PositionType{Title: gov.SecretaryGeneral, Powers: "主持秘书处日常工作", AppointmentMethod: "理事会聘任", RemovalMethod: "理事会解聘", TermYears: 5}
	tenure := func(term int) gov.Tenure {
		return gov.Tenure{Title: gov.SecretaryGeneral, PersonName: "陈立", FullTime: true, TermNo: term,
			TermStart: day("2000-01-01").AddDate(5*term, 0, 0), TermEnd: day("2004-12-31").AddDate(5*term, 0, 0)}
	}
	history := []gov.Tenure{tenure(5), tenure(6)}
	_, err := gov.Appoint(def, tenure(7), history, 2)
	clause(t, err, "position.term_limit", "7.3.3.1")
	if _, err := gov.Appoint(def, tenure(8), history, 2); err != nil {
		t.Fatalf("after a one-term gap: %v", err)
	}
	if _, err := gov.Appoint(def, tenure(6), []gov.Tenure{tenure(5)}, 2); err != nil {
		t.Fatalf("second consecutive term: %v", err)
	}
	partTime := tenure(7)
	partTime.FullTime = false
	if _, err := gov.Appoint(def, partTime, history, 2); err != nil {
		t.Fatalf("a part-time holder is out of scope: %v", err)
	}
	if _, err := gov.Appoint(def, tenure(7), history, 3); err != nil {
		t.Fatalf("with a limit of three: %v", err)
	}
	undefined := def
	undefined.RemovalMethod = ""
	_, err = gov.Appoint(undefined, tenure(1), nil, 2)
	clause(t, err, "position.undefined", "7.1.2.2")
}

func TestBranchNames(t *testing.T) {
	t.Parallel()
	a := association(t)
	res := int64(1)
	mk := func(kind gov.BranchKind, name string, regional, charter bool) (gov.Branch, error) {
		return gov.NewBranch(a, kind, name, []string{"行业标准制定"}, "李主任", &res, regional, charter)
	}
	if b, err := mk(gov.BranchUnit, "广东省物流行业协会冷链物流专业委员会", false, false); err != nil || b.Status != gov.Established {
		t.Fatalf("well-named branch: %+v %v", b, err)
	}
	if b, err := mk(gov.RepresentativeOffice, "广东省物流行业协会标准化工作联络处", false, false); err != nil || b.Status != gov.Established {
		t.Fatalf("well-named office: %+v %v", b, err)
	}
	if b, err := mk(gov.BranchUnit, "广东省物流行业协会跨境电商物流专业委员会", false, false); err != nil || b.Status != gov.Established {
		t.Fatalf("the full name's own place is not a remit: %+v %v", b, err)
	}
	_, err := mk(gov.BranchUnit, "冷链物流专业委员会", false, false)
	clause(t, err, "branch.name_prefix", "7.1.2.3")
	_, err = mk(gov.BranchUnit, "广东物流协会冷链物流专业委员会", false, false)
	clause(t, err, "branch.name_prefix", "7.1.2.3")
	_, err = mk(gov.RepresentativeOffice, "广东省物流行业协会服务中心", false, false)
	clause(t, err, "branch.office_suffix", "7.1.2.3")
	_, err = mk(gov.BranchUnit, "广东省物流行业协会冷链物流专业委员会", true, false)
	clause(t, err, "branch.regional", "7.1.2.4")
	_, err = mk(gov.BranchUnit, "广东省物流行业协会冷链物流专业委员会", false, true)
	clause(t, err, "branch.own_charter", "7.1.2.3")

	// A place name holds the branch until a reviewer decides.
	b, err := mk(gov.BranchUnit, "广东省物流行业协会佛山分会", false, false)
	if err != nil || b.Status != gov.PendingReview {
		t.Fatalf("place name: %+v %v", b, err)
	}
	clause(t, b.Activate(), "branch.place_review_pending", "7.1.2.4")
	if err := b.ReviewPlace(true, gov.Review{By: "秘书长", Reason: "以佛山地区会员为服务对象，属地域性分支"}); err != nil || b.Status != gov.Rejected {
		t.Fatalf("territorial: %+v %v", b, err)
	}
	b, _ = mk(gov.BranchUnit, "广东省物流行业协会港口物流专业委员会", false, false)
	if b.Status != gov.Established || b.Activate() != nil || b.Status != gov.ActiveBranch {
		t.Fatalf("activation: %+v", b)
	}
	// A branch suffix outside the list needs a review (flagged until then).
	b, _ = mk(gov.BranchUnit, "广东省物流行业协会冷链联盟", false, false)
	if b.SuffixListed() {
		t.Fatal("联盟 is not a listed suffix")
	}
	if err := b.ReviewSuffix(gov.Review{By: "秘书长", Reason: "联盟体现其冷链领域的专业性质"}); err != nil || b.SuffixReview == nil {
		t.Fatalf("suffix review: %v", err)
	}
}
