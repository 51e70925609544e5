package event_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"huiguan/domain/errs"
	"huiguan/domain/event"
)

var t0 = time.Date(2026, 5, 20, 1, 0, 0, 0, time.UTC)

func expo() event.Event {
	return event.Event{ID: 1, Title: "华南物流博览会", Kind: event.Exhibition, StartsAt: t0, EndsAt: t0.Add(48 * time.Hour), Venue: "琶洲展馆",
		Capacity: 2, ExpectedAttendance: 3000, Status: event.Draft, ConsentPurpose: "用于活动签到和安全管理", Fields: []string{"company"}}
}

func clause(t *testing.T, err error, code, want string) {
	t.Helper()
	e, ok := errs.As(err)
	if !ok || e.Code != code || e.Clause != want {
		t.Fatalf("err = %v, want %s citing %s", err, code, want)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	e := expo()
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	e.EndsAt = e.StartsAt.Add(-time.Hour)
	if err := e.Validate(); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("dates in the wrong order")
	}
}

func TestLeadAndGate(t *testing.T) {
	t.Parallel()
	e := expo()
	_, err := e.Publish(1000)
	clause(t, err, "event.no_lead", "8.2.1.1")
	e.Lead = "梁志强"
	warnings, err := e.Publish(1000)
	if err != nil || len(warnings) == 0 || e.Status != event.Published {
		t.Fatalf("a large event publishes with warnings: %v %v", warnings, err)
	}
	err = e.Hold(1000)
	clause(t, err, "event.gate_incomplete", "8.2.1.4")
	if !strings.Contains(err.(*errs.Error).Params["missing"].(string), "safety_filing") {
		t.Fatalf("missing list: %v", err)
	}
	e.Filing = &event.SafetyFiling{Authority: "广州市公安局", FilingNo: "GA-2026-118", FiledOn: t0.AddDate(0, 0, -10)}
	ok := event.Check{OK: true, CheckedBy: "罗文彬", CheckedAt: t0.Add(-24 * time.Hour)}
	e.Inspection = event.FireInspection{EvacuationSigns: ok, ExitsClear: event.Check{OK: false, Note: "B 出口被展板遮挡"}, EquipmentValid: ok}
	e.Emergency = event.EmergencyPlan{PublicSafety: "p", FoodSafety: "f", Medical: "m", OnlineOpinion: "o", Procedure: "x",
		Roles: []event.TeamMember{{Name: "何", Role: "总指挥"}}, VenueAgreed: true}
	err = e.Hold(1000)
	if e2, _ := errs.As(err); e2 == nil || !strings.Contains(e2.Params["missing"].(string), "fire_inspection.exits_clear") {
		t.Fatalf("blocked exit: %v", err)
	}
	e.Inspection.ExitsClear = ok
	e.Emergency.OnlineOpinion = ""
	if err := e.Hold(1000); err == nil {
		t.Fatal("a plan without the online-opinion domain")
	}
	e.Emergency.OnlineOpinion = "舆情监测与回应"
	if err := e.Hold(1000); err != nil || e.Status != event.Held {
		t.Fatalf("complete gate: %v", err)
	}
	// A small event needs no gate to be held.
	small := expo()
	small.Kind, small.ExpectedAttendance, small.Lead = event.Forum, 80, "李"
	small.Publish(1000)
	if err := small.Hold(1000); err != nil {
		t.Fatalf("small event: %v", err)
	}
	small.ManualLarge = true
	small.Status = event.Published
	if err := small.Hold(1000); err == nil {
		t.Fatal("the manual switch makes the gate apply")
	}
}

func TestRegistration(t *testing.T) {
	t.Parallel()
	e := expo()
	e.Lead = "梁"
	e.Publish(1000)
	r, err := event.NewRegistration(e, event.Registration{Name: "赵婷", Phone: "13800000003", Company: "速达", Consent: true}, t0)
	if err != nil || r.Purpose != e.ConsentPurpose {
		t.Fatalf("register: %+v %v", r, err)
	}
	_, err = event.NewRegistration(e, event.Registration{Name: "赵婷", Phone: "13800000003", IDNumber: "440101199001011234", Consent: true}, t0)
	if e2, _ := errs.As(err); e2 == nil || e2.Fields["id_number"] != "not_collected" {
		t.Fatalf("a field the form does not collect: %v", err)
	}
	if _, err := event.NewRegistration(e, event.Registration{Name: "赵婷", Phone: "13800000003"}, t0); err == nil {
		t.Fatal("registration without consent")
	}
	r.Place(1, 2)
	if r.Status != event.Registered {
		t.Fatal("second of two places")
	}
	r.Place(2, 2)
	if r.Status != event.Waitlisted {
		t.Fatal("third goes to the waitlist")
	}
	r.Status = event.Registered
	if err := r.CheckIn(e, t0); !errors.Is(err, errs.ErrRule) {
		t.Fatal("check-in before the event is held")
	}
	e.Status = event.Held
	if err := r.CheckIn(e, t0); err != nil {
		t.Fatal(err)
	}
	if err := r.CheckIn(e, t0); !errors.Is(err, errs.ErrConflict) {
		t.Fatal("a code is used once")
	}
	r.Anonymise()
	if r.Phone != "" || !r.Anonymised {
		t.Fatal("anonymise")
	}
}

func TestProviders(t *testing.T) {
	t.Parallel()
	p := event.Provider{Name: "粤安保", Service: "security"}
	clause(t, p.Engage(), "provider.no_contract", "8.2.1.2")
	p.ContractRef, p.ContractTerms, p.Quality = "HT-2026-031", "现场安保 60 人", "零安全事故"
	if err := p.Engage(); err != nil || !p.Engaged {
		t.Fatal(err)
	}
}
