package api_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

// dues sets up an association with a general assembly, a council, one
// tier, three approved units and users for each role the dues involve.
type dues struct {
	k                    *testkit.Kit
	clerk, fin, boss     *testkit.Client
	tier                 float64
	units                []string
	assembly, council    string
	gaMeeting, ccMeeting string
}

func setupDues(t *testing.T, k *testkit.Kit) *dues {
	t.Helper()
	d := &dues{k: k}
	d.clerk, d.council = governanceSetup(t, k)
	k.CreateUser("fin", "finance")
	k.CreateUser("boss", "board")
	d.fin, d.boss = k.Login("fin", "fin-password"), k.Login("boss", "boss-password")
	d.tier = d.clerk.Do("POST", "/api/v1/member-tiers", map[string]any{"name": "会员单位", "annual_fee_fen": 200000, "services": []string{"年会"}}).JSON["id"].(float64)
	for i, c := range []string{"91440101MA5C10000", "91440101MA5C20000", "91440101MA5C30000"} {
		r := d.clerk.Do("POST", "/api/v1/members", memberBody(fmt.Sprintf("会员%d物流有限公司", i+1), code(c), d.tier))
		id := itoa(r.JSON["id"].(float64))
		d.clerk.Do("POST", "/api/v1/members/"+id+"/approve", nil)
		d.units = append(d.units, id)
	}
	ga := d.clerk.Do("POST", "/api/v1/bodies", map[string]any{"kind": "general_assembly", "name": "会员大会", "term_no": 3,
		"term_start": "2023-01-01", "term_end": "2027-12-31", "powers": "p", "formation_method": "f", "removal_method": "r"})
	d.assembly = itoa(ga.JSON["id"].(float64))
	var att []map[string]any
	for _, u := range d.units {
		att = append(att, map[string]any{"member_id": atoi(u), "status": "present"})
	}
	m := d.clerk.Do("POST", "/api/v1/meetings", map[string]any{"body_id": atoi(d.assembly), "title": "会员大会", "held_on": "2025-12-20", "attendees": att})
	d.gaMeeting = itoa(m.JSON["meeting"].(map[string]any)["id"].(float64))
	d.ccMeeting = meeting(t, d.clerk, d.council, 8, "regular")
	return d
}

func (d *dues) resolution(t *testing.T, meeting string, kind string, yes, no int) any {
	t.Helper()
	r := d.clerk.Do("POST", "/api/v1/meetings/"+meeting+"/resolutions", map[string]any{"title": "会费标准", "kind": kind, "votes_for": yes, "votes_against": no})
	if r.Status != 201 {
		t.Fatalf("resolution: %d %s", r.Status, r.Body)
	}
	return r.JSON["id"]
}

func TestFeeStandardsNeedTheAssembly(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		d := setupDues(t, k)
		good := d.resolution(t, d.gaMeeting, "fee_standard", 3, 0)
		failed := d.resolution(t, d.gaMeeting, "fee_standard", 1, 2)
		council := d.resolution(t, d.ccMeeting, "fee_standard", 8, 0)
		std := func(year int, amount any, res any) testkit.Response {
			return d.fin.Do("POST", "/api/v1/fee-standards", map[string]any{"tier_id": d.tier, "year": year, "amount_fen": amount, "resolution_id": res})
		}
		for name, res := range map[string]any{"council": council, "failed": failed, "unknown": 99999} {
			r := std(2026, 200000, res)
			if r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.1.1.2" {
				t.Errorf("%s resolution: %d %s", name, r.Status, r.Body)
			}
		}
		if r := std(2025, 200000, good); r.Status != 422 || r.ErrorCode() != "fee.resolution_after_effect" {
			t.Fatalf("resolution of 2025-12-20 for 2025: %d %s", r.Status, r.Body)
		}
		for _, bad := range []any{0, -5, 1.5, "2000元"} {
			if r := std(2026, bad, good); r.Status != 400 || r.ErrorField("amount_fen") == "" {
				t.Errorf("amount %v: %d %s", bad, r.Status, r.Body)
			}
		}
		if r := std(2026, 200000, good); r.Status != 201 {
			t.Fatalf("standard: %d %s", r.Status, r.Body)
		}
		if r := std(2026, 300000, good); r.Status != 409 {
			t.Fatalf("second standard for the tier and year: %d %s", r.Status, r.Body)
		}
	})
}

func payBody(bill float64, amount int64) map[string]any {
	return map[string]any{"bill_id": bill, "amount_fen": amount, "method": "bank_transfer", "paid_on": "2026-03-05", "reference": "BANK-001"}
}

func TestBillsAndPayments(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		d := setupDues(t, k)
		d.fin.Do("POST", "/api/v1/fee-standards", map[string]any{"tier_id": d.tier, "year": 2026, "amount_fen": 200000, "resolution_id": d.resolution(t, d.gaMeeting, "fee_standard", 3, 0)})
		d.clerk.Do("POST", "/api/v1/members/"+d.units[2]+"/withdraw", map[string]any{"reason": "退出"})
		g := d.fin.Do("POST", "/api/v1/bills/generate", map[string]any{"year": 2026})
		if g.Status != 200 || g.JSON["created"].(float64) != 2 {
			t.Fatalf("generate: %d %s", g.Status, g.Body)
		}
		if g := d.fin.Do("POST", "/api/v1/bills/generate", map[string]any{"year": 2026}); g.JSON["created"].(float64) != 0 || g.JSON["already_billed"].(float64) != 2 {
			t.Fatalf("second run: %s", g.Body)
		}
		// A branch cannot bill what the association billed (8.1.1.3).
		res := d.resolution(t, d.ccMeeting, "other", 8, 0)
		br := d.clerk.Do("POST", "/api/v1/branches", map[string]any{"kind": "branch", "name": "广东省物流行业协会冷链物流专业委员会", "scope": []string{"行业标准制定"}, "head": "李", "resolution_id": res})
		d.clerk.Do("POST", "/api/v1/branches/"+itoa(br.JSON["id"].(float64))+"/activate", nil)
		r := d.fin.Do("POST", "/api/v1/bills", map[string]any{"member_id": atoi(d.units[0]), "year": 2026, "issuer_id": br.JSON["id"]})
		if r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.1.1.3" {
			t.Fatalf("branch double billing: %d %s", r.Status, r.Body)
		}
		bills := d.fin.Do("GET", "/api/v1/bills?year=2026", nil).JSON["items"].([]any)
		bill := bills[0].(map[string]any)["id"].(float64)

		// No payment until the fund has a keeper.
		if r := d.fin.Do("POST", "/api/v1/payments", payBody(bill, 50000)); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.1.1.3" {
			t.Fatalf("pay without keeper: %d %s", r.Status, r.Body)
		}
		d.fin.Do("PUT", "/api/v1/fund-ledger/keeper", map[string]any{"keeper": "张出纳"})
		d.fin.Headers = map[string]string{"Idempotency-Key": "pay-1"}
		first := d.fin.Do("POST", "/api/v1/payments", payBody(bill, 50000))
		again := d.fin.Do("POST", "/api/v1/payments", payBody(bill, 50000))
		if first.Status != 201 || again.Status != 201 || again.JSON["id"] != first.JSON["id"] || again.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("idempotent retry: %d %s / %d %s", first.Status, first.Body, again.Status, again.Body)
		}
		if r := d.fin.Do("POST", "/api/v1/payments", payBody(bill, 60000)); r.Status != 409 || r.ErrorCode() != "idempotency.mismatch" {
			t.Fatalf("same key, other body: %d %s", r.Status, r.Body)
		}
		d.fin.Headers = nil
		if r := d.fin.Do("POST", "/api/v1/payments", payBody(bill, 150001)); r.Status != 422 || r.ErrorCode() != "payment.overpayment" {
			t.Fatalf("overpayment: %d %s", r.Status, r.Body)
		}
		if r := d.fin.Do("POST", "/api/v1/payments", payBody(99999, 100)); r.Status != 400 || r.ErrorField("bill_id") == "" {
			t.Fatalf("unknown bill: %d %s", r.Status, r.Body)
		}
		if first.JSON["receipt_no"] != "SJ2026-000001" {
			t.Fatalf("receipt number: %s", first.Body)
		}
		// Reverse: the ledger keeps both rows; the bill is owed again.
		pid := itoa(first.JSON["id"].(float64))
		rev := d.fin.Do("POST", "/api/v1/payments/"+pid+"/reverse", map[string]any{"reason": "重复入账"})
		if rev.Status != 200 || rev.JSON["amount_fen"].(float64) != -50000 {
			t.Fatalf("reverse: %d %s", rev.Status, rev.Body)
		}
		if r := d.fin.Do("POST", "/api/v1/payments/"+pid+"/reverse", map[string]any{"reason": "again"}); r.Status != 409 {
			t.Fatalf("reverse twice: %d %s", r.Status, r.Body)
		}
		ledger := d.fin.Do("GET", fmt.Sprintf("/api/v1/payments?bill_id=%d", int64(bill)), nil)
		if ledger.JSON["total"].(float64) != 2 {
			t.Fatalf("ledger rows: %s", ledger.Body)
		}
		b := d.fin.Do("GET", "/api/v1/bills?year=2026&status=unpaid", nil)
		if b.JSON["total"].(float64) != 2 {
			t.Fatalf("after reversal both bills are unpaid: %s", b.Body)
		}
		// Fund: income and its reversal net to zero.
		sum := d.fin.Do("GET", "/api/v1/fund-ledger/summary?year=2026", nil)
		if sum.JSON["balance_fen"].(float64) != 0 || sum.JSON["keeper"] != "张出纳" {
			t.Fatalf("fund: %s", sum.Body)
		}
		// Cancelled bills take no payment.
		other := bills[1].(map[string]any)["id"].(float64)
		d.fin.Do("POST", fmt.Sprintf("/api/v1/bills/%d/cancel", int64(other)), map[string]any{"reason": "开错"})
		if r := d.fin.Do("POST", "/api/v1/payments", payBody(other, 100)); r.Status != 422 || r.ErrorCode() != "payment.bill_cancelled" {
			t.Fatalf("pay a cancelled bill: %d %s", r.Status, r.Body)
		}
		// Only finance moves money.
		if r := d.clerk.Do("POST", "/api/v1/payments", payBody(bill, 100)); r.Status != 403 {
			t.Fatalf("secretariat paying: %d", r.Status)
		}
	})
}

// TestConcurrentPaymentsCannotOverpay fires payments at one bill from many
// goroutines: the bill's row lock lets exactly as many through as fit.
func TestConcurrentPaymentsCannotOverpay(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		d := setupDues(t, k)
		d.fin.Do("POST", "/api/v1/fee-standards", map[string]any{"tier_id": d.tier, "year": 2026, "amount_fen": 200000, "resolution_id": d.resolution(t, d.gaMeeting, "fee_standard", 3, 0)})
		d.fin.Do("POST", "/api/v1/bills/generate", map[string]any{"year": 2026})
		d.fin.Do("PUT", "/api/v1/fund-ledger/keeper", map[string]any{"keeper": "张出纳"})
		bill := d.fin.Do("GET", "/api/v1/bills?year=2026", nil).JSON["items"].([]any)[0].(map[string]any)["id"].(float64)
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok, refused := 0, 0
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := *d.fin
				r := c.Do("POST", "/api/v1/payments", payBody(bill, 80000))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case r.Status == 201:
					ok++
				case r.Status == 422 && r.ErrorCode() == "payment.overpayment":
					refused++
				default:
					t.Errorf("unexpected: %d %s", r.Status, r.Body)
				}
			}()
		}
		wg.Wait()
		if ok != 2 || refused != 6 {
			t.Fatalf("%d payments of ¥800 went through on a ¥2000 bill (%d refused)", ok, refused)
		}
		b := d.fin.Do("GET", fmt.Sprintf("/api/v1/bills?year=2026&member_id=%s", d.units[0]), nil).JSON["items"].([]any)
		for _, x := range b {
			m := x.(map[string]any)
			if m["id"].(float64) == bill && m["paid_fen"].(float64) != 160000 {
				t.Fatalf("bill paid %v", m["paid_fen"])
			}
		}
	})
}

func TestDisclosureWorkflow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		d := setupDues(t, k)
		d.fin.Do("POST", "/api/v1/fee-standards", map[string]any{"tier_id": d.tier, "year": 2026, "amount_fen": 200000, "resolution_id": d.resolution(t, d.gaMeeting, "fee_standard", 3, 0)})
		d.fin.Do("POST", "/api/v1/bills/generate", map[string]any{"year": 2026})
		d.fin.Do("PUT", "/api/v1/fund-ledger/keeper", map[string]any{"keeper": "张出纳"})
		bills := d.fin.Do("GET", "/api/v1/bills?year=2026", nil).JSON["items"].([]any)
		for _, b := range bills {
			d.fin.Do("POST", "/api/v1/payments", payBody(b.(map[string]any)["id"].(float64), 200000))
		}
		// Mostly administration: the main-use finding opens.
		expense := func(cat string, amount int64) testkit.Response {
			return d.fin.Do("POST", "/api/v1/fund-ledger", map[string]any{"amount_fen": amount, "category": cat, "posted_on": "2026-06-01", "description": "支出", "responsible": "林会计"})
		}
		expense("administration", 300000)
		if r := expense("member_service", 100000); r.Status != 201 {
			t.Fatalf("expense: %d %s", r.Status, r.Body)
		}
		if f := d.fin.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.1.1.3-c", nil); f.JSON["total"].(float64) != 1 {
			t.Fatalf("main-use finding: %s", f.Body)
		}
		expense("business_activity", 300000) // now 400 of 700 = 57 %
		if f := d.fin.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.1.1.3-c", nil); f.JSON["total"].(float64) != 0 {
			t.Fatalf("main-use finding after more member spending: %s", f.Body)
		}
		dr := d.fin.Do("POST", "/api/v1/disclosures", map[string]any{"year": 2026})
		if dr.Status != 201 || dr.JSON["collected_fen"].(float64) != 600000 || dr.JSON["collection_rate_bp"].(float64) != 10000 ||
			dr.JSON["expense_fen"].(float64) != 700000 || dr.JSON["carried_forward_fen"].(float64) != -100000 {
			t.Fatalf("draft: %d %s", dr.Status, dr.Body)
		}
		if r := d.fin.Do("POST", "/api/v1/disclosures/2026/verify", nil); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "7.3.4.3" {
			t.Fatalf("author verifying: %d %s", r.Status, r.Body)
		}
		if r := d.clerk.Do("POST", "/api/v1/disclosures/2026/publish", nil); r.Status != 422 {
			t.Fatalf("publish before approval: %d %s", r.Status, r.Body)
		}
		if r := d.clerk.Do("POST", "/api/v1/disclosures/2026/verify", nil); r.Status != 200 || r.JSON["status"] != "verified" {
			t.Fatalf("verify: %d %s", r.Status, r.Body)
		}
		if r := d.clerk.Do("POST", "/api/v1/disclosures/2026/approve", nil); r.Status != 403 {
			t.Fatalf("secretariat approving: %d", r.Status)
		}
		if r := d.boss.Do("POST", "/api/v1/disclosures/2026/approve", nil); r.Status != 200 {
			t.Fatalf("approve: %d %s", r.Status, r.Body)
		}
		if r := d.clerk.Do("POST", "/api/v1/disclosures/2026/publish", nil); r.Status != 200 || r.JSON["status"] != "published" {
			t.Fatalf("publish: %d %s", r.Status, r.Body)
		}
		// Members read it and can object.
		admin := k.Login("admin", testkit.AdminPassword)
		admin.Do("POST", "/api/v1/users", map[string]any{"username": "unit1", "password": "unit1-password", "display_name": "会员1", "roles": []string{"member"}, "member_id": atoi(d.units[0])})
		unit := k.Login("unit1", "unit1-password")
		if r := unit.Do("GET", "/api/v1/portal/disclosures/2026", nil); r.Status != 200 || r.JSON["version"].(float64) != 1 {
			t.Fatalf("member reads: %d %s", r.Status, r.Body)
		}
		if r := unit.Do("POST", "/api/v1/portal/disclosures/2026/feedback", map[string]any{"kind": "objection", "text": "行政支出偏高"}); r.Status != 201 {
			t.Fatalf("feedback: %d %s", r.Status, r.Body)
		}
		if r := unit.Do("GET", "/api/v1/portal/bills", nil); r.JSON["total"].(float64) != 1 {
			t.Fatalf("own bills: %s", r.Body)
		}
		// Published is frozen: a correction is a revision.
		if r := d.fin.Do("POST", "/api/v1/disclosures", map[string]any{"year": 2026}); r.Status != 422 {
			t.Fatalf("redraft after publication: %d %s", r.Status, r.Body)
		}
		if r := d.fin.Do("POST", "/api/v1/disclosures/2026/revise", map[string]any{"change_note": ""}); r.Status != 400 {
			t.Fatalf("revision without a note: %d %s", r.Status, r.Body)
		}
		v2 := d.fin.Do("POST", "/api/v1/disclosures/2026/revise", map[string]any{"change_note": "更正支出分类"})
		if v2.Status != 201 || v2.JSON["version"].(float64) != 2 {
			t.Fatalf("revise: %d %s", v2.Status, v2.Body)
		}
		if r := unit.Do("GET", "/api/v1/portal/disclosures/2026", nil); r.JSON["version"].(float64) != 1 {
			t.Fatalf("members keep seeing the published version until the revision is published: %s", r.Body)
		}
		d.clerk.Do("POST", "/api/v1/disclosures/2026/verify", nil)
		d.boss.Do("POST", "/api/v1/disclosures/2026/approve", nil)
		d.clerk.Do("POST", "/api/v1/disclosures/2026/publish", nil)
		if r := unit.Do("GET", "/api/v1/portal/disclosures/2026", nil); r.JSON["version"].(float64) != 2 || r.JSON["change_note"] != "更正支出分类" {
			t.Fatalf("revised: %s", r.Body)
		}
		if r := unit.Do("GET", "/api/v1/portal/disclosures/2026?version=1", nil); r.JSON["status"] != "replaced" {
			t.Fatalf("the first version stays readable: %s", r.Body)
		}
	})
}

func TestDisclosureDeadlineFinding(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	d := setupDues(t, k)
	d.fin.Do("POST", "/api/v1/fee-standards", map[string]any{"tier_id": d.tier, "year": 2026, "amount_fen": 200000, "resolution_id": d.resolution(t, d.gaMeeting, "fee_standard", 3, 0)})
	k.Clock.Advance(time.Date(2027, 5, 15, 0, 0, 0, 0, time.UTC).Sub(k.Clock.Now()))
	fin := k.Login("fin", "fin-password")
	fin.Do("POST", "/api/v1/findings/recheck", nil)
	f := k.Login("admin", testkit.AdminPassword).Do("GET", "/api/v1/findings?status=open&rule_id=R-8.1.1.3-b", nil)
	if f.JSON["total"].(float64) != 0 {
		t.Fatalf("six weeks before the deadline: %s", f.Body)
	}
	k.Clock.Advance(30 * 24 * time.Hour) // 2027-06-14: within 30 days of 30 June
	admin := k.Login("admin", testkit.AdminPassword)
	admin.Do("POST", "/api/v1/findings/recheck", nil)
	f = admin.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.1.1.3-b", nil)
	if f.JSON["total"].(float64) != 1 || f.JSON["items"].([]any)[0].(map[string]any)["severity"] != "info" {
		t.Fatalf("reminder: %s", f.Body)
	}
	k.Clock.Advance(20 * 24 * time.Hour) // 2027-07-04: overdue
	admin = k.Login("admin", testkit.AdminPassword)
	admin.Do("POST", "/api/v1/findings/recheck", nil)
	f = admin.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.1.1.3-b", nil)
	if f.JSON["items"].([]any)[0].(map[string]any)["severity"] != "warning" {
		t.Fatalf("overdue: %s", f.Body)
	}
}
