package api_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"huiguan/infra/db/dbtest"
	"huiguan/infra/excel"
	"huiguan/testkit"
)

func eventBody(title string, expected, capacity int, lead string) map[string]any {
	start := time.Date(2026, 4, 20, 1, 0, 0, 0, time.UTC)
	return map[string]any{"title": title, "kind": "exhibition", "starts_at": start, "ends_at": start.Add(48 * time.Hour), "venue": "琶洲展馆",
		"capacity": capacity, "expected_attendance": expected, "lead_name": lead, "registration_fields": []string{"company"},
		"consent_purpose": "用于签到和安全管理，活动结束 90 天后删除"}
}

func completeGate(t *testing.T, c *testkit.Client, id string) {
	t.Helper()
	steps := []struct {
		method, path string
		body         any
	}{
		{"PUT", "/safety-filing", map[string]any{"authority": "广州市公安局海珠区分局", "filing_no": "GA-2026-118", "filed_on": "2026-04-01"}},
		{"PUT", "/fire-inspection", map[string]any{"items": []map[string]any{{"item": "evacuation_signs", "ok": true}, {"item": "exits_clear", "ok": true}, {"item": "equipment_valid", "ok": true}}}},
		{"PUT", "/emergency-plan", map[string]any{"public_safety": "人流疏导与分区管控", "food_safety": "餐饮留样", "medical": "现场医疗点", "online_opinion": "舆情监测与回应",
			"procedure": "分级响应", "roles": []map[string]any{{"name": "何嘉欣", "role": "总指挥"}}, "venue_agreed": true}},
	}
	for _, s := range steps {
		if r := c.Do(s.method, "/api/v1/events/"+id+s.path, s.body); r.Status != 200 {
			t.Fatalf("%s: %d %s", s.path, r.Status, r.Body)
		}
	}
}

func TestLargeEventSafetyGate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("clerk", "secretariat")
		clerk := k.Login("clerk", "clerk-password")
		noLead := clerk.Do("POST", "/api/v1/events", eventBody("华南物流博览会", 3000, 100, ""))
		id := itoa(noLead.JSON["id"].(float64))
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/publish", nil); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.2.1.1" {
			t.Fatalf("publish without a lead: %d %s", r.Status, r.Body)
		}
		b := eventBody("华南物流博览会", 3000, 100, "梁志强")
		clerk.Do("PUT", "/api/v1/events/"+id, b)
		pub := clerk.Do("POST", "/api/v1/events/"+id+"/publish", nil)
		if pub.Status != 200 || len(pub.JSON["warnings"].([]any)) == 0 {
			t.Fatalf("publish with warnings: %d %s", pub.Status, pub.Body)
		}
		hold := clerk.Do("POST", "/api/v1/events/"+id+"/hold", nil)
		if hold.Status != 422 || hold.JSON["error"].(map[string]any)["clause"] != "8.2.1.4" || !strings.Contains(hold.Body, "safety_filing") {
			t.Fatalf("hold without the gate: %d %s", hold.Status, hold.Body)
		}
		completeGate(t, clerk, id)
		// A failed inspection item blocks again.
		clerk.Do("PUT", "/api/v1/events/"+id+"/fire-inspection", map[string]any{"items": []map[string]any{{"item": "exits_clear", "ok": false, "note": "B 出口被展板遮挡"}}})
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/hold", nil); r.Status != 422 || !strings.Contains(r.Body, "exits_clear") {
			t.Fatalf("blocked exit: %d %s", r.Status, r.Body)
		}
		clerk.Do("PUT", "/api/v1/events/"+id+"/fire-inspection", map[string]any{"items": []map[string]any{{"item": "exits_clear", "ok": true}}})
		ev := clerk.Do("GET", "/api/v1/events/"+id, nil)
		if ev.JSON["fire_inspection"].(map[string]any)["exits_clear"].(map[string]any)["checked_by"] != "clerk" {
			t.Fatalf("who checked: %s", ev.Body)
		}
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/hold", nil); r.Status != 200 {
			t.Fatalf("hold: %d %s", r.Status, r.Body)
		}
		// A small forum needs no gate.
		small := eventBody("政策宣讲会", 80, 100, "李敏")
		small["kind"] = "policy_briefing"
		s := clerk.Do("POST", "/api/v1/events", small)
		sid := itoa(s.JSON["id"].(float64))
		clerk.Do("POST", "/api/v1/events/"+sid+"/publish", nil)
		if r := clerk.Do("POST", "/api/v1/events/"+sid+"/hold", nil); r.Status != 200 {
			t.Fatalf("small event: %d %s", r.Status, r.Body)
		}
		// …but its missing emergency plan is flagged (8.2.1.6).
		if f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.2.1.6", nil); f.JSON["total"].(float64) != 1 {
			t.Fatalf("emergency finding: %s", f.Body)
		}
		bad := eventBody("倒序活动", 10, 10, "李")
		bad["ends_at"] = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
		if r := clerk.Do("POST", "/api/v1/events", bad); r.Status != 400 || r.ErrorField("ends_at") == "" {
			t.Fatalf("dates in the wrong order: %d %s", r.Status, r.Body)
		}
	})
}

func TestRegistrationCapacityWaitlistAndCheckIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("clerk", "secretariat")
		k.CreateUser("watch", "supervisor")
		clerk := k.Login("clerk", "clerk-password")
		e := clerk.Do("POST", "/api/v1/events", eventBody("冷链论坛", 3000, 2, "梁志强"))
		id := itoa(e.JSON["id"].(float64))
		guest := func(name, phone string, extra map[string]any) testkit.Response {
			b := map[string]any{"name": name, "phone": phone, "consent": true}
			for k, v := range extra {
				b[k] = v
			}
			return k.Anon().Do("POST", "/api/v1/public/events/"+id+"/register", b)
		}
		if r := guest("赵婷", "13800000001", nil); r.Status != 404 && r.Status != 422 {
			t.Fatalf("registering for an unpublished event: %d %s", r.Status, r.Body)
		}
		clerk.Do("POST", "/api/v1/events/"+id+"/publish", nil)
		a := guest("赵婷", "13800000001", map[string]any{"company": "速达"})
		b := guest("钱伟", "13800000002", nil)
		c := guest("孙丽", "13800000003", nil)
		if a.JSON["status"] != "registered" || b.JSON["status"] != "registered" || c.JSON["status"] != "waitlisted" || a.JSON["checkin_code"] == "" {
			t.Fatalf("capacity 2: %s / %s / %s", a.Body, b.Body, c.Body)
		}
		if r := guest("赵婷", "13800000001", nil); r.Status != 409 {
			t.Fatalf("the same person twice: %d %s", r.Status, r.Body)
		}
		if r := guest("周", "13800000009", map[string]any{"consent": false}); r.Status != 400 || r.ErrorField("consent") == "" {
			t.Fatalf("no consent: %d %s", r.Status, r.Body)
		}
		if r := guest("吴", "13800000008", map[string]any{"id_number": "440101199001011234"}); r.Status != 400 || r.ErrorField("id_number") == "" {
			t.Fatalf("a field the form does not collect: %d %s", r.Status, r.Body)
		}
		// Cancelling a place promotes the waitlist.
		clerk.Do("POST", "/api/v1/events/"+id+"/registrations/"+itoa(b.JSON["id"].(float64))+"/cancel", nil)
		list := clerk.Do("GET", "/api/v1/events/"+id+"/registrations?status=registered", nil)
		if list.JSON["total"].(float64) != 2 {
			t.Fatalf("after cancellation: %s", list.Body)
		}
		// The organisers see phones; the supervisory board sees them masked.
		if !strings.Contains(list.Body, "13800000001") {
			t.Fatalf("organisers see the phone: %s", list.Body)
		}
		if w := k.Login("watch", "watch-password").Do("GET", "/api/v1/events/"+id+"/registrations", nil); strings.Contains(w.Body, "13800000001") || !strings.Contains(w.Body, "138****0001") {
			t.Fatalf("masked for others: %s", w.Body)
		}
		// Check-in: only while held, once per code.
		code := a.JSON["checkin_code"].(string)
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/checkin", map[string]any{"code": code}); r.Status != 422 {
			t.Fatalf("check-in before holding: %d %s", r.Status, r.Body)
		}
		completeGate(t, clerk, id)
		clerk.Do("POST", "/api/v1/events/"+id+"/hold", nil)
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/checkin", map[string]any{"code": code}); r.Status != 200 {
			t.Fatalf("check-in: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/checkin", map[string]any{"code": code}); r.Status != 409 {
			t.Fatalf("reused code: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/events/"+id+"/checkin", map[string]any{"code": "WRONG123"}); r.Status != 422 || r.ErrorCode() != "checkin.unknown_code" {
			t.Fatalf("wrong code: %d %s", r.Status, r.Body)
		}
		if r := k.Anon().Do("POST", "/api/v1/public/events/"+id+"/survey", map[string]any{"code": code, "score": 5}); r.Status != 204 {
			t.Fatalf("survey: %d %s", r.Status, r.Body)
		}
		st := clerk.Do("GET", "/api/v1/events/"+id+"/stats", nil)
		if st.JSON["registered"].(float64) != 2 || st.JSON["checked_in"].(float64) != 1 || st.JSON["satisfaction"].(float64) != 5 {
			t.Fatalf("stats: %s", st.Body)
		}
		// Export: audited with its purpose; no ID numbers.
		if r := clerk.Get("/api/v1/events/" + id + "/registrations/export.xlsx"); r.Status != 400 {
			t.Fatalf("export without purpose: %d", r.Status)
		}
		x := clerk.Get("/api/v1/events/" + id + "/registrations/export.xlsx?purpose=%E7%AD%BE%E5%88%B0")
		rows, err := excel.Sheets{}.Read(strings.NewReader(x.Body), 100)
		if err != nil || len(rows) != 4 {
			t.Fatalf("export: %v %d", err, len(rows))
		}
		// After the retention period the personal data goes; the counts stay.
		clerk.Do("POST", "/api/v1/events/"+id+"/close", nil)
		k.Clock.Advance(91 * 24 * time.Hour)
		n, err := k.Sys.Events.Anonymise(testkit.Ctx())
		if err != nil || n != 3 {
			t.Fatalf("anonymise: %d %v", n, err)
		}
		clerk = k.Login("clerk", "clerk-password")
		after := clerk.Do("GET", "/api/v1/events/"+id+"/registrations", nil)
		if strings.Contains(after.Body, "13800000001") || after.JSON["total"].(float64) != 3 {
			t.Fatalf("after anonymisation: %s", after.Body)
		}
		if st := clerk.Do("GET", "/api/v1/events/"+id+"/stats", nil); st.JSON["checked_in"].(float64) != 1 {
			t.Fatalf("counts kept: %s", st.Body)
		}
	})
}

// TestConcurrentRegistrationsNeverExceedCapacity registers many people at
// once: the event row lock keeps the places exact.
func TestConcurrentRegistrationsNeverExceedCapacity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("clerk", "secretariat")
		clerk := k.Login("clerk", "clerk-password")
		e := clerk.Do("POST", "/api/v1/events", eventBody("需求对接会", 50, 5, "梁志强"))
		id := itoa(e.JSON["id"].(float64))
		clerk.Do("POST", "/api/v1/events/"+id+"/publish", nil)
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := k.Anon().Do("POST", "/api/v1/public/events/"+id+"/register", map[string]any{"name": fmt.Sprintf("来宾%d", i), "phone": fmt.Sprintf("139%08d", i), "consent": true})
				if r.Status != 201 {
					t.Errorf("register %d: %d %s", i, r.Status, r.Body)
				}
			}()
		}
		wg.Wait()
		st := clerk.Do("GET", "/api/v1/events/"+id+"/stats", nil)
		if st.JSON["registered"].(float64) != 5 || st.JSON["waitlisted"].(float64) != 11 {
			t.Fatalf("capacity 5 under concurrency: %s", st.Body)
		}
	})
}

func TestProvidersNeedContracts(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	k.CreateUser("clerk", "secretariat")
	clerk := k.Login("clerk", "clerk-password")
	id := itoa(clerk.Do("POST", "/api/v1/events", eventBody("年会", 500, 500, "梁")).JSON["id"].(float64))
	r := clerk.Do("POST", "/api/v1/events/"+id+"/providers", map[string]any{"name": "粤安保", "service": "security", "engaged": true})
	if r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.2.1.2" {
		t.Fatalf("engaged without contract: %d %s", r.Status, r.Body)
	}
	r = clerk.Do("POST", "/api/v1/events/"+id+"/providers", map[string]any{"name": "粤安保", "service": "security", "engaged": true,
		"contract_ref": "HT-2026-031", "contract_terms": "现场安保 60 人", "quality_guarantee": "零安全事故"})
	if r.Status != 201 || r.JSON["engaged"] != true {
		t.Fatalf("engaged with contract: %d %s", r.Status, r.Body)
	}
	if f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.2.1.2", nil); f.JSON["total"].(float64) != 1 {
		t.Fatalf("missing qualifications flagged: %s", f.Body)
	}
	pid := itoa(r.JSON["id"].(float64))
	clerk.Do("PUT", "/api/v1/events/"+id+"/providers/"+pid, map[string]any{"name": "粤安保", "service": "security", "engaged": true,
		"contract_ref": "HT-2026-031", "contract_terms": "现场安保 60 人", "quality_guarantee": "零安全事故", "qualifications": []string{"保安服务许可证"}})
	if f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.2.1.2", nil); f.JSON["total"].(float64) != 0 {
		t.Fatalf("after qualifications: %s", f.Body)
	}
}
