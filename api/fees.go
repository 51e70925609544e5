package api

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	appfee "huiguan/app/fee"
	"huiguan/domain/errs"
	"huiguan/domain/fee"
)

// ---- standards ----

type standardDTO struct {
	ID           int64  `json:"id"`
	TierID       int64  `json:"tier_id"`
	TierName     string `json:"tier_name"`
	Year         int    `json:"year"`
	AmountFen    int64  `json:"amount_fen"`
	ResolutionID int64  `json:"resolution_id"`
}

type standardRequest struct {
	TierID       int64 `json:"tier_id"`
	Year         int   `json:"year"`
	AmountFen    int64 `json:"amount_fen"`
	ResolutionID int64 `json:"resolution_id"`
}

func (h *handlers) tierNames(c *fiber.Ctx) map[int64]string {
	names, _ := h.d.Fees.TierNames(c.UserContext())
	return names
}

func (h *handlers) listStandards(c *fiber.Ctx) error {
	year, err := queryInt(c, "year")
	if err != nil {
		return err
	}
	list, err := h.d.Fees.Standards(c.UserContext(), year)
	if err != nil {
		return err
	}
	names := h.tierNames(c)
	return c.JSON(fiber.Map{"items": mapSlice(list, func(s fee.Standard) standardDTO {
		return standardDTO{s.ID, s.TierID, names[s.TierID], s.Year, s.AmountFen, s.ResolutionID}
	})})
}

func (h *handlers) createStandard(c *fiber.Ctx) error {
	var req standardRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	s, err := h.d.Fees.SaveStandard(c.UserContext(), req.TierID, req.Year, req.AmountFen, req.ResolutionID)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(standardDTO{s.ID, s.TierID, h.tierNames(c)[s.TierID], s.Year, s.AmountFen, s.ResolutionID})
}

// ---- bills ----

type billDTO struct {
	ID             int64  `json:"id"`
	BillNo         string `json:"bill_no"`
	MemberID       int64  `json:"member_id"`
	MemberName     string `json:"member_name"`
	Year           int    `json:"year"`
	TierID         int64  `json:"tier_id"`
	TierName       string `json:"tier_name"`
	AmountFen      int64  `json:"amount_fen"`
	PaidFen        int64  `json:"paid_fen"`
	OutstandingFen int64  `json:"outstanding_fen"`
	Status         string `json:"status"`
	Overdue        bool   `json:"overdue"`
	IssuerID       int64  `json:"issuer_id"`
	DueOn          string `json:"due_on"`
}

func (h *handlers) billDTOs(c *fiber.Ctx, bills []fee.Bill) ([]billDTO, error) {
	ids := make([]int64, len(bills))
	for i, b := range bills {
		ids[i] = b.MemberID
	}
	names, err := h.d.Fees.MemberNames(c.UserContext(), ids)
	if err != nil {
		return nil, err
	}
	tiers := h.tierNames(c)
	today := time.Now().In(shanghai)
	out := make([]billDTO, len(bills))
	for i, b := range bills {
		out[i] = billDTO{ID: b.ID, BillNo: b.BillNo, MemberID: b.MemberID, MemberName: names[b.MemberID], Year: b.Year, TierID: b.TierID,
			TierName: tiers[b.TierID], AmountFen: b.AmountFen, PaidFen: b.PaidFen, OutstandingFen: b.OutstandingFen(),
			Status: string(b.Status()), Overdue: b.Overdue(today), IssuerID: b.IssuerID, DueOn: day(b.DueOn)}
	}
	return out, nil
}

func (h *handlers) listBills(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	f := appfee.BillFilter{Status: c.Query("status")}
	if f.Year, err = queryInt(c, "year"); err != nil {
		return err
	}
	member, err := queryInt(c, "member_id")
	if err != nil {
		return err
	}
	tier, err := queryInt(c, "tier_id")
	if err != nil {
		return err
	}
	f.MemberID, f.TierID = int64(member), int64(tier)
	return h.sendBills(c, f, p)
}

func (h *handlers) sendBills(c *fiber.Ctx, f appfee.BillFilter, p app.Page) error {
	list, err := h.d.Fees.Bills(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	items, err := h.billDTOs(c, list.Items)
	if err != nil {
		return err
	}
	return c.JSON(listBody[billDTO]{Items: items, Total: list.Total, Page: list.Page, PageSize: list.PageSize})
}

type generateRequest struct {
	Year int `json:"year"`
}

func (h *handlers) generateBills(c *fiber.Ctx) error {
	var req generateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	g, err := h.d.Fees.GenerateBills(c.UserContext(), req.Year)
	if err != nil {
		return err
	}
	missing := fiber.Map{}
	names := h.tierNames(c)
	for tier, n := range g.NoStandardBy {
		missing[names[tier]] = n
	}
	return c.JSON(fiber.Map{"year": g.Year, "created": g.Created, "already_billed": g.AlreadyBill, "no_standard": g.NoStandard, "no_standard_by_tier": missing})
}

type issueBillRequest struct {
	MemberID int64 `json:"member_id"`
	Year     int   `json:"year"`
	IssuerID int64 `json:"issuer_id"`
}

func (h *handlers) issueBill(c *fiber.Ctx) error {
	var req issueBillRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	b, err := h.d.Fees.IssueBill(c.UserContext(), req.MemberID, req.Year, req.IssuerID)
	if err != nil {
		return err
	}
	out, err := h.billDTOs(c, []fee.Bill{b})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out[0])
}

type reasonRequest struct {
	Reason string `json:"reason"`
}

func (h *handlers) cancelBill(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req reasonRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	b, err := h.d.Fees.CancelBill(c.UserContext(), id, req.Reason)
	if err != nil {
		return err
	}
	out, err := h.billDTOs(c, []fee.Bill{b})
	if err != nil {
		return err
	}
	return c.JSON(out[0])
}

// ---- payments ----

type paymentDTO struct {
	ID         int64     `json:"id"`
	ReceiptNo  string    `json:"receipt_no"`
	BillID     int64     `json:"bill_id"`
	MemberID   int64     `json:"member_id"`
	AmountFen  int64     `json:"amount_fen"`
	Method     string    `json:"method"`
	PaidOn     string    `json:"paid_on"`
	Reference  string    `json:"reference"`
	ReversalOf *int64    `json:"reversal_of"`
	ReversedBy *int64    `json:"reversed_by"`
	Reason     string    `json:"reason"`
	CreatedBy  string    `json:"created_by"`
	CreatedAt  time.Time `json:"created_at"`
}

func toPaymentDTO(p fee.Payment) paymentDTO {
	return paymentDTO{p.ID, p.ReceiptNo, p.BillID, p.MemberID, p.AmountFen, string(p.Method), day(p.PaidOn), p.Reference,
		p.ReversalOf, p.ReversedBy, p.Reason, p.CreatedBy, p.CreatedAt}
}

type payRequest struct {
	BillID    int64  `json:"bill_id"`
	AmountFen int64  `json:"amount_fen"`
	Method    string `json:"method"`
	PaidOn    string `json:"paid_on"`
	Reference string `json:"reference"`
}

func (h *handlers) createPayment(c *fiber.Ctx) error {
	var req payRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	method, err := fee.ParseMethod(req.Method)
	if err != nil {
		return err
	}
	paidOn, err := parseDay("paid_on", req.PaidOn)
	if err != nil {
		return err
	}
	key := strings.TrimSpace(c.Get("Idempotency-Key"))
	if len(key) > 100 {
		return errs.Invalid("request.invalid_fields", map[string]string{"Idempotency-Key": "too_long"})
	}
	sum := sha256.Sum256(c.Body())
	p, replayed, err := h.d.Fees.Pay(c.UserContext(), appfee.PayCommand{BillID: req.BillID, AmountFen: req.AmountFen, Method: method,
		PaidOn: paidOn, Reference: req.Reference, IdempotencyKey: key, RequestHash: hex.EncodeToString(sum[:])})
	if err != nil {
		return err
	}
	if replayed {
		c.Set("Idempotent-Replayed", "true")
	}
	return c.Status(fiber.StatusCreated).JSON(toPaymentDTO(p))
}

func (h *handlers) reversePayment(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req reasonRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := h.d.Fees.Reverse(c.UserContext(), id, req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(toPaymentDTO(p))
}

func (h *handlers) listPayments(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	var f appfee.PaymentFilter
	bill, err := queryInt(c, "bill_id")
	if err != nil {
		return err
	}
	member, err := queryInt(c, "member_id")
	if err != nil {
		return err
	}
	if f.Year, err = queryInt(c, "year"); err != nil {
		return err
	}
	f.BillID, f.MemberID = int64(bill), int64(member)
	list, err := h.d.Fees.Payments(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toPaymentDTO))
}

// receipt is what a printed receipt shows.
func (h *handlers) receiptData(c *fiber.Ctx, p fee.Payment) (fiber.Map, error) {
	b, err := h.d.Fees.Bill(c.UserContext(), p.BillID)
	if err != nil {
		return nil, err
	}
	names, err := h.d.Fees.MemberNames(c.UserContext(), []int64{p.MemberID})
	if err != nil {
		return nil, err
	}
	assoc, _, err := h.d.Governance.Association(c.UserContext())
	if err != nil {
		return nil, err
	}
	return fiber.Map{"association": assoc.FullName, "receipt_no": p.ReceiptNo, "member_name": names[p.MemberID], "bill_no": b.BillNo,
		"year": b.Year, "tier_name": h.tierNames(c)[b.TierID], "amount_fen": p.AmountFen, "amount_yuan": fee.Yuan(p.AmountFen),
		"method": p.Method, "paid_on": day(p.PaidOn), "reference": p.Reference, "created_by": p.CreatedBy,
		"reversal_of": p.ReversalOf, "reversed_by": p.ReversedBy}, nil
}

func (h *handlers) receipt(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	p, err := h.d.Fees.Payment(c.UserContext(), id)
	if err != nil {
		return err
	}
	r, err := h.receiptData(c, p)
	if err != nil {
		return err
	}
	return c.JSON(r)
}

func (h *handlers) receiptXLSX(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	p, err := h.d.Fees.Payment(c.UserContext(), id)
	if err != nil {
		return err
	}
	r, err := h.receiptData(c, p)
	if err != nil {
		return err
	}
	rows := [][]string{
		{"单位 Association", str(r["association"])}, {"收据号 Receipt no.", p.ReceiptNo}, {"会员单位 Member", str(r["member_name"])},
		{"账单 Bill", str(r["bill_no"])}, {"年度 Year", strconv.Itoa(r["year"].(int))}, {"层级 Tier", str(r["tier_name"])},
		{"金额（元） Amount (yuan)", fee.Yuan(p.AmountFen)}, {"方式 Method", string(p.Method)}, {"日期 Date", day(p.PaidOn)},
		{"付款参考 Reference", p.Reference}, {"经办 Recorded by", p.CreatedBy},
	}
	i := 0
	return sendTempXLSX(c, "receipt-"+p.ReceiptNo+".xlsx", func(f *os.File) error {
		_, err := h.d.Sheets.Write(f, "收据", []string{"项目 Item", "内容 Value"}, func() ([]string, error) {
			if i == len(rows) {
				return nil, errEOF
			}
			i++
			return rows[i-1], nil
		})
		return err
	})
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// ---- fund ----

type fundEntryDTO struct {
	ID          int64  `json:"id"`
	Direction   string `json:"direction"`
	AmountFen   int64  `json:"amount_fen"`
	Category    string `json:"category"`
	Year        int    `json:"year"`
	PostedOn    string `json:"posted_on"`
	Description string `json:"description"`
	Responsible string `json:"responsible"`
	Keeper      string `json:"keeper"`
	PaymentID   *int64 `json:"payment_id"`
	ReversalOf  *int64 `json:"reversal_of"`
	CreatedBy   string `json:"created_by"`
}

func toFundDTO(e fee.FundEntry) fundEntryDTO {
	return fundEntryDTO{e.ID, string(e.Direction), e.AmountFen, string(e.Category), e.Year, day(e.PostedOn), e.Description,
		e.Responsible, e.Keeper, e.PaymentID, e.ReversalOf, e.CreatedBy}
}

func (h *handlers) listFund(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	year, err := queryInt(c, "year")
	if err != nil {
		return err
	}
	list, err := h.d.Fees.FundEntries(c.UserContext(), appfee.FundFilter{Year: year, Direction: c.Query("direction"), Category: c.Query("category")}, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toFundDTO))
}

func (h *handlers) fundSummary(c *fiber.Ctx) error {
	year, err := queryInt(c, "year")
	if err != nil {
		return err
	}
	if year == 0 {
		year = time.Now().In(shanghai).Year()
	}
	s, err := h.d.Fees.Summary(c.UserContext(), year)
	if err != nil {
		return err
	}
	share, has := fee.MainUseShare(s.YearTotals.ExpensesByCategory)
	return c.JSON(fiber.Map{"keeper": s.Keeper, "year": s.Year, "income_fen": s.YearTotals.IncomeFen, "expense_fen": s.YearTotals.ExpenseFen,
		"expenses_by_category": s.YearTotals.ExpensesByCategory, "balance_fen": s.BalanceFen,
		"main_use_share_bp": map[bool]any{true: share, false: nil}[has]})
}

type keeperRequest struct {
	Keeper string `json:"keeper"`
}

func (h *handlers) setKeeper(c *fiber.Ctx) error {
	var req keeperRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := h.d.Fees.SetKeeper(c.UserContext(), req.Keeper); err != nil {
		return err
	}
	return h.fundSummary(c)
}

type expenseRequest struct {
	AmountFen   int64  `json:"amount_fen"`
	Category    string `json:"category"`
	PostedOn    string `json:"posted_on"`
	Description string `json:"description"`
	Responsible string `json:"responsible"`
}

func (h *handlers) postExpense(c *fiber.Ctx) error {
	var req expenseRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cat, err := fee.ParseCategory(req.Category)
	if err != nil {
		return err
	}
	on, err := parseDay("posted_on", req.PostedOn)
	if err != nil {
		return err
	}
	e, err := h.d.Fees.PostExpense(c.UserContext(), req.AmountFen, cat, on, req.Description, req.Responsible)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toFundDTO(e))
}

func (h *handlers) reverseExpense(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req reasonRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	e, err := h.d.Fees.ReverseExpense(c.UserContext(), id, req.Reason)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toFundDTO(e))
}

// ---- disclosures ----

type tierFiguresDTO struct {
	TierID       int64  `json:"tier_id"`
	TierName     string `json:"tier_name"`
	Units        int64  `json:"units"`
	BilledFen    int64  `json:"billed_fen"`
	CollectedFen int64  `json:"collected_fen"`
}

type disclosureDTO struct {
	Year               int              `json:"year"`
	Version            int              `json:"version"`
	Status             string           `json:"status"`
	Tiers              []tierFiguresDTO `json:"tiers"`
	BilledFen          int64            `json:"billed_fen"`
	CollectedFen       int64            `json:"collected_fen"`
	CollectionRateBP   int64            `json:"collection_rate_bp"`
	IncomeFen          int64            `json:"income_fen"`
	ExpenseFen         int64            `json:"expense_fen"`
	ExpensesByCategory map[string]int64 `json:"expenses_by_category"`
	BroughtForwardFen  int64            `json:"brought_forward_fen"`
	CarriedForwardFen  int64            `json:"carried_forward_fen"`
	MainUseShareBP     *int64           `json:"main_use_share_bp"`
	ChangeNote         string           `json:"change_note"`
	Author             string           `json:"author"`
	Verifier           string           `json:"verifier"`
	Approver           string           `json:"approver"`
	PublishedAt        *time.Time       `json:"published_at"`
}

func toDisclosureDTO(d fee.Disclosure) disclosureDTO {
	f := d.Figures
	out := disclosureDTO{Year: d.Year, Version: d.Version, Status: string(d.Status), BilledFen: f.BilledFen, CollectedFen: f.CollectedFen,
		CollectionRateBP: f.CollectionRateBP, IncomeFen: f.IncomeFen, ExpenseFen: f.ExpenseFen, ExpensesByCategory: map[string]int64{},
		BroughtForwardFen: f.BroughtForwardFen, CarriedForwardFen: f.CarriedForwardFen, ChangeNote: d.ChangeNote, Author: d.Author,
		Verifier: d.Verifier, Approver: d.Approver, PublishedAt: d.PublishedAt,
		Tiers: mapSlice(f.Tiers, func(t fee.TierFigures) tierFiguresDTO { return tierFiguresDTO(t) })}
	for k, v := range f.ExpensesByCategory {
		out.ExpensesByCategory[string(k)] = v
	}
	if f.HasExpenses {
		share := f.MainUseShareBP
		out.MainUseShareBP = &share
	}
	return out
}

type disclosureRequest struct {
	Year int `json:"year"`
}

func (h *handlers) draftDisclosure(c *fiber.Ctx) error {
	var req disclosureRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	d, err := h.d.Fees.DraftDisclosure(c.UserContext(), req.Year)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toDisclosureDTO(d))
}

func yearParam(c *fiber.Ctx) (int, error) {
	y, err := strconv.Atoi(c.Params("year"))
	if err != nil || y < fee.MinYear || y > fee.MaxYear {
		return 0, errs.NotFound("disclosure")
	}
	return y, nil
}

func (h *handlers) advanceDisclosure(step string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		year, err := yearParam(c)
		if err != nil {
			return err
		}
		d, err := h.d.Fees.AdvanceDisclosure(c.UserContext(), year, step)
		if err != nil {
			return err
		}
		return c.JSON(toDisclosureDTO(d))
	}
}

type reviseRequest struct {
	ChangeNote string `json:"change_note"`
}

func (h *handlers) reviseDisclosure(c *fiber.Ctx) error {
	year, err := yearParam(c)
	if err != nil {
		return err
	}
	var req reviseRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	d, err := h.d.Fees.ReviseDisclosure(c.UserContext(), year, req.ChangeNote)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toDisclosureDTO(d))
}

func (h *handlers) listDisclosures(publishedOnly bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ds, err := h.d.Fees.Disclosures(c.UserContext(), publishedOnly)
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"items": mapSlice(ds, toDisclosureDTO)})
	}
}

func (h *handlers) getDisclosure(publishedOnly bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		year, err := yearParam(c)
		if err != nil {
			return err
		}
		version, err := queryInt(c, "version")
		if err != nil {
			return err
		}
		d, err := h.d.Fees.Disclosure(c.UserContext(), year, version, publishedOnly)
		if err != nil {
			return err
		}
		return c.JSON(toDisclosureDTO(d))
	}
}

func (h *handlers) disclosureXLSX(c *fiber.Ctx) error {
	year, err := yearParam(c)
	if err != nil {
		return err
	}
	d, err := h.d.Fees.Disclosure(c.UserContext(), year, 0, false)
	if err != nil {
		return err
	}
	dto := toDisclosureDTO(d)
	rows := [][]string{{"年度 Year", strconv.Itoa(d.Year), ""}, {"版本 Version", strconv.Itoa(d.Version), d.ChangeNote},
		{"状态 Status", dto.Status, ""}, {"", "", ""}, {"层级 Tier", "应收（元） Billed", "实收（元） Collected"}}
	for _, t := range dto.Tiers {
		rows = append(rows, []string{t.TierName, fee.Yuan(t.BilledFen), fee.Yuan(t.CollectedFen)})
	}
	rows = append(rows, []string{"合计 Total", fee.Yuan(dto.BilledFen), fee.Yuan(dto.CollectedFen)},
		[]string{"收缴率 Collection rate", bp(dto.CollectionRateBP), ""}, []string{"", "", ""},
		[]string{"支出类别 Expense category", "金额（元） Amount", ""})
	for k, v := range dto.ExpensesByCategory {
		rows = append(rows, []string{k, fee.Yuan(v), ""})
	}
	rows = append(rows, []string{"上年结转 Brought forward", fee.Yuan(dto.BroughtForwardFen), ""},
		[]string{"本年收入 Income", fee.Yuan(dto.IncomeFen), ""}, []string{"本年支出 Expenses", fee.Yuan(dto.ExpenseFen), ""},
		[]string{"结转下年 Carried forward", fee.Yuan(dto.CarriedForwardFen), ""})
	i := 0
	return sendTempXLSX(c, "fee-disclosure-"+strconv.Itoa(year)+".xlsx", func(f *os.File) error {
		_, err := h.d.Sheets.Write(f, "会费收支公示", []string{"项目 Item", "数额 Amount", "说明 Note"}, func() ([]string, error) {
			if i == len(rows) {
				return nil, errEOF
			}
			i++
			return rows[i-1], nil
		})
		return err
	})
}

func bp(v int64) string { return strconv.FormatInt(v/100, 10) + "." + twoDigits(v%100) + "%" }

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

type feedbackDTO struct {
	ID        int64      `json:"id"`
	Year      int        `json:"year"`
	Version   int        `json:"version"`
	MemberID  int64      `json:"member_id"`
	Kind      string     `json:"kind"`
	Text      string     `json:"text"`
	Author    string     `json:"author"`
	Reply     string     `json:"reply"`
	RepliedBy string     `json:"replied_by"`
	CreatedAt time.Time  `json:"created_at"`
	RepliedAt *time.Time `json:"replied_at"`
}

type feedbackRequest struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

func (h *handlers) sendFeedback(c *fiber.Ctx) error {
	year, err := yearParam(c)
	if err != nil {
		return err
	}
	var req feedbackRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	f, err := h.d.Fees.SendFeedback(c.UserContext(), year, req.Kind, req.Text)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(feedbackDTO(f))
}

func (h *handlers) listFeedback(c *fiber.Ctx) error {
	year, err := yearParam(c)
	if err != nil {
		return err
	}
	fs, err := h.d.Fees.Feedback(c.UserContext(), year)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(fs, func(f appfee.Feedback) feedbackDTO { return feedbackDTO(f) })})
}

type replyRequest struct {
	Reply string `json:"reply"`
}

func (h *handlers) replyFeedback(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req replyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	f, err := h.d.Fees.ReplyFeedback(c.UserContext(), id, req.Reply)
	if err != nil {
		return err
	}
	return c.JSON(feedbackDTO(f))
}

// ---- portal ----

func (h *handlers) portalBills(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	pr, _ := app.PrincipalFrom(c.UserContext())
	if pr.MemberID == nil {
		return c.JSON(listBody[billDTO]{Items: []billDTO{}, Page: p.Page, PageSize: p.PageSize})
	}
	return h.sendBills(c, appfee.BillFilter{MemberID: *pr.MemberID}, p)
}

func (h *handlers) portalPayments(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	pr, _ := app.PrincipalFrom(c.UserContext())
	if pr.MemberID == nil {
		return c.JSON(listBody[paymentDTO]{Items: []paymentDTO{}, Page: p.Page, PageSize: p.PageSize})
	}
	list, err := h.d.Fees.Payments(c.UserContext(), appfee.PaymentFilter{MemberID: *pr.MemberID}, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toPaymentDTO))
}

// portalReceipt shows a receipt of the principal's own unit only.
func (h *handlers) portalReceipt(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	p, err := h.d.Fees.Payment(c.UserContext(), id)
	if err != nil {
		return err
	}
	pr, _ := app.PrincipalFrom(c.UserContext())
	if pr.MemberID == nil || *pr.MemberID != p.MemberID {
		return errs.NotFound("payment")
	}
	r, err := h.receiptData(c, p)
	if err != nil {
		return err
	}
	return c.JSON(r)
}

type noticeDTO struct {
	ID        int64      `json:"id"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at"`
}

func (h *handlers) portalNotices(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.Fees.Notices(c.UserContext(), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, func(n appfee.Notice) noticeDTO {
		return noticeDTO{n.ID, n.Kind, n.Title, n.Body, n.CreatedAt, n.ReadAt}
	}))
}

func (h *handlers) readNotice(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := h.d.Fees.ReadNotice(c.UserContext(), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
