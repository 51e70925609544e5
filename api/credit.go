package api

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	appcredit "huiguan/app/credit"
	"huiguan/domain/credit"
	"huiguan/domain/errs"
)

type creditRecordDTO struct {
	ID         int64     `json:"id"`
	MemberID   int64     `json:"member_id"`
	MemberName string    `json:"member_name"`
	Polarity   string    `json:"polarity"`
	Category   string    `json:"category"`
	OccurredOn string    `json:"occurred_on"`
	Source     string    `json:"source"`
	Severity   string    `json:"severity"`
	Summary    string    `json:"summary"`
	Evidence   []string  `json:"evidence"`
	RecordedBy string    `json:"recorded_by"`
	CreatedAt  time.Time `json:"created_at"`
}

type creditRecordRequest struct {
	MemberID   int64    `json:"member_id"`
	Polarity   string   `json:"polarity"`
	Category   string   `json:"category"`
	OccurredOn string   `json:"occurred_on"`
	Source     string   `json:"source"`
	Severity   string   `json:"severity"`
	Summary    string   `json:"summary"`
	Evidence   []string `json:"evidence"`
}

func (h *handlers) memberNamesFor(c *fiber.Ctx, ids []int64) map[int64]string {
	names, _ := h.d.Members.Names(c.UserContext(), ids)
	return names
}

func (h *handlers) createCreditRecord(c *fiber.Ctx) error {
	var req creditRecordRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("occurred_on", req.OccurredOn)
	if err != nil {
		return err
	}
	if req.Severity == "" {
		req.Severity = "medium"
	}
	r, err := h.d.Credit.AddRecord(c.UserContext(), credit.Record{MemberID: req.MemberID, Polarity: credit.Polarity(req.Polarity),
		Category: req.Category, OccurredOn: on, Source: strings.TrimSpace(req.Source), Severity: req.Severity,
		Summary: strings.TrimSpace(req.Summary), Evidence: req.Evidence})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(h.toRecordDTO(c, r, nil))
}

func (h *handlers) toRecordDTO(c *fiber.Ctx, r credit.Record, names map[int64]string) creditRecordDTO {
	if names == nil {
		names = h.memberNamesFor(c, []int64{r.MemberID})
	}
	return creditRecordDTO{r.ID, r.MemberID, names[r.MemberID], string(r.Polarity), r.Category, day(r.OccurredOn), r.Source, r.Severity,
		r.Summary, nonNilStrings(r.Evidence), r.RecordedBy, r.CreatedAt}
}

func (h *handlers) listCreditRecords(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	member, err := queryInt(c, "member_id")
	if err != nil {
		return err
	}
	list, err := h.d.Credit.Records(c.UserContext(), int64(member), p)
	if err != nil {
		return err
	}
	ids := make([]int64, len(list.Items))
	for i, r := range list.Items {
		ids[i] = r.MemberID
	}
	names := h.memberNamesFor(c, ids)
	return c.JSON(listOf(list, func(r credit.Record) creditRecordDTO { return h.toRecordDTO(c, r, names) }))
}

type proposalDTO struct {
	ID             int64      `json:"id"`
	MemberID       int64      `json:"member_id"`
	MemberName     string     `json:"member_name"`
	List           string     `json:"list"`
	Action         string     `json:"action"`
	ReasonCategory string     `json:"reason_category"`
	PublicSummary  string     `json:"public_summary"`
	RecordIDs      []int64    `json:"record_ids"`
	ValidUntil     string     `json:"valid_until"`
	ProposedBy     string     `json:"proposed_by"`
	ProposedAt     time.Time  `json:"proposed_at"`
	Status         string     `json:"status"`
	DecidedBy      string     `json:"decided_by"`
	DecisionRef    string     `json:"decision_ref"`
	DecidedAt      *time.Time `json:"decided_at"`
	Note           string     `json:"note"`
	EntryID        *int64     `json:"entry_id"`
}

func toProposalDTO(p credit.Proposal, names map[int64]string) proposalDTO {
	ids := p.RecordIDs
	if ids == nil {
		ids = []int64{}
	}
	return proposalDTO{p.ID, p.MemberID, names[p.MemberID], string(p.List), p.Action, p.ReasonCategory, p.PublicSummary, ids,
		day(p.ValidUntil), p.ProposedBy, p.ProposedAt, p.Status, p.DecidedBy, p.DecisionRef, p.DecidedAt, p.Note, p.EntryID}
}

type proposalRequest struct {
	MemberID       int64   `json:"member_id"`
	List           string  `json:"list"`
	Action         string  `json:"action"`
	ReasonCategory string  `json:"reason_category"`
	PublicSummary  string  `json:"public_summary"`
	RecordIDs      []int64 `json:"record_ids"`
	ValidUntil     string  `json:"valid_until"`
}

func (h *handlers) createProposal(c *fiber.Ctx) error {
	var req proposalRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	l, err := credit.ParseList(req.List)
	if err != nil {
		return err
	}
	until, err := parseDay("valid_until", req.ValidUntil)
	if err != nil {
		return err
	}
	if req.Action == "" {
		req.Action = "add"
	}
	p, err := h.d.Credit.Propose(c.UserContext(), credit.Proposal{MemberID: req.MemberID, List: l, Action: req.Action,
		ReasonCategory: strings.TrimSpace(req.ReasonCategory), PublicSummary: strings.TrimSpace(req.PublicSummary), RecordIDs: req.RecordIDs, ValidUntil: until})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toProposalDTO(p, h.memberNamesFor(c, []int64{p.MemberID})))
}

func (h *handlers) listProposals(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.Credit.Proposals(c.UserContext(), c.Query("status"), p)
	if err != nil {
		return err
	}
	ids := make([]int64, len(list.Items))
	for i, x := range list.Items {
		ids[i] = x.MemberID
	}
	names := h.memberNamesFor(c, ids)
	return c.JSON(listOf(list, func(x credit.Proposal) proposalDTO { return toProposalDTO(x, names) }))
}

type decideRequest struct {
	Approve      bool   `json:"approve"`
	MeetingRef   string `json:"meeting_ref"`
	ResolutionID *int64 `json:"resolution_id"`
	Note         string `json:"note"`
}

func (h *handlers) decideProposal(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req decideRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	ref := strings.TrimSpace(req.MeetingRef)
	if req.ResolutionID != nil {
		r, err := h.d.Governance.Resolution(c.UserContext(), *req.ResolutionID)
		if err != nil {
			return errs.Field("resolution_id", "resolution_unknown")
		}
		ref = r.Title + "（决议 #" + itoa64(r.ID) + "）"
	}
	p, err := h.d.Credit.Decide(c.UserContext(), id, req.Approve, ref, req.Note)
	if err != nil {
		return err
	}
	return c.JSON(toProposalDTO(p, h.memberNamesFor(c, []int64{p.MemberID})))
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

type entryDTO struct {
	ID             int64      `json:"id"`
	MemberID       int64      `json:"member_id"`
	MemberName     string     `json:"member_name"`
	USCC           string     `json:"uscc"`
	List           string     `json:"list"`
	ReasonCategory string     `json:"reason_category"`
	PublicSummary  string     `json:"public_summary"`
	ValidFrom      string     `json:"valid_from"`
	ValidUntil     string     `json:"valid_until"`
	DecisionRef    string     `json:"decision_ref,omitempty"`
	Status         string     `json:"status"`
	EndedAt        *time.Time `json:"ended_at"`
	EndReason      string     `json:"end_reason"`
}

func (h *handlers) entryDTOs(c *fiber.Ctx, entries []credit.Entry, public bool) ([]entryDTO, error) {
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.MemberID
	}
	names, err := h.d.Members.Names(c.UserContext(), ids)
	if err != nil {
		return nil, err
	}
	codes, err := h.d.Members.Codes(c.UserContext(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]entryDTO, len(entries))
	for i, e := range entries {
		out[i] = entryDTO{e.ID, e.MemberID, names[e.MemberID], codes[e.MemberID], string(e.List), e.ReasonCategory, e.PublicSummary,
			day(e.ValidFrom), day(e.ValidUntil), e.DecisionRef, e.Status, e.EndedAt, e.EndReason}
		if public {
			out[i].DecisionRef = ""
		}
	}
	return out, nil
}

func (h *handlers) listEntries(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	member, err := queryInt(c, "member_id")
	if err != nil {
		return err
	}
	list, err := h.d.Credit.Entries(c.UserContext(), appcredit.EntryFilter{List: credit.List(c.Query("list")), Status: c.Query("status"), MemberID: int64(member)}, p)
	if err != nil {
		return err
	}
	items, err := h.entryDTOs(c, list.Items, false)
	if err != nil {
		return err
	}
	return c.JSON(listBody[entryDTO]{Items: items, Total: list.Total, Page: list.Page, PageSize: list.PageSize})
}

// publicCreditLists lists current red and black entries: unit name, code,
// category, public summary, dates — nothing confidential. The white list
// and lists the association keeps unpublished are not shown.
func (h *handlers) publicCreditLists(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	l := credit.List(c.Query("list"))
	public := map[credit.List]bool{}
	for _, r := range h.d.Credit.Rules() {
		public[r.List] = r.Public
	}
	if l == "" || !public[l] {
		return errs.Invalid("request.invalid_query", map[string]string{"list": "invalid"})
	}
	f := appcredit.EntryFilter{List: l, Status: "active"}
	if q := strings.TrimSpace(c.Query("q")); q != "" {
		ids, err := h.d.Members.Search(c.UserContext(), q, 500)
		if err != nil {
			return err
		}
		f.MemberIDs = ids
	}
	list, err := h.d.Credit.Entries(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	items, err := h.entryDTOs(c, list.Items, true)
	if err != nil {
		return err
	}
	return c.JSON(listBody[entryDTO]{Items: items, Total: list.Total, Page: list.Page, PageSize: list.PageSize})
}

type ruleDTO struct {
	List           string `json:"list"`
	Criteria       string `json:"criteria"`
	DecidingBody   string `json:"deciding_body"`
	ValidityMonths int    `json:"validity_months"`
	Public         bool   `json:"public"`
	AppealDays     int    `json:"appeal_days"`
}

func (h *handlers) creditRules(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"items": mapSlice(h.d.Credit.Rules(), func(r credit.Rule) ruleDTO {
		return ruleDTO{string(r.List), r.Criteria, r.DecidingBody, r.ValidityMonths, r.Public, r.AppealDays}
	})})
}

type appealDTO struct {
	ID         int64      `json:"id"`
	EntryID    int64      `json:"entry_id"`
	MemberID   int64      `json:"member_id"`
	Text       string     `json:"text"`
	Evidence   []string   `json:"evidence"`
	FiledBy    string     `json:"filed_by"`
	FiledAt    time.Time  `json:"filed_at"`
	Status     string     `json:"status"`
	Reviewer   string     `json:"reviewer"`
	ReviewedAt *time.Time `json:"reviewed_at"`
	Reasons    string     `json:"reasons"`
}

func toAppealDTO(a credit.Appeal) appealDTO {
	return appealDTO{a.ID, a.EntryID, a.MemberID, a.Text, nonNilStrings(a.Evidence), a.FiledBy, a.FiledAt, a.Status, a.Reviewer, a.ReviewedAt, a.Reasons}
}

func (h *handlers) listAppeals(kind string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		list, err := h.d.Credit.Appeals(c.UserContext(), kind, c.Query("status"))
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"items": mapSlice(list, toAppealDTO)})
	}
}

type appealRequest struct {
	EntryID  int64    `json:"entry_id"`
	Text     string   `json:"text"`
	Evidence []string `json:"evidence"`
}

func (h *handlers) fileAppeal(kind string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var req appealRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		a, err := h.d.Credit.FileAppeal(c.UserContext(), kind, req.EntryID, req.Text, req.Evidence)
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(toAppealDTO(a))
	}
}

type reviewRequest struct {
	Grant   bool   `json:"grant"`
	Reasons string `json:"reasons"`
}

func (h *handlers) reviewAppeal(kind string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		var req reviewRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		a, err := h.d.Credit.ReviewAppeal(c.UserContext(), kind, id, req.Grant, req.Reasons)
		if err != nil {
			return err
		}
		return c.JSON(toAppealDTO(a))
	}
}

// portalCredit is a unit's own credit status: its entries (current and
// past), the decisions' appeal windows, and its appeals and repairs.
func (h *handlers) portalCredit(c *fiber.Ctx) error {
	pr, _ := app.PrincipalFrom(c.UserContext())
	if pr.MemberID == nil {
		return c.JSON(fiber.Map{"entries": []entryDTO{}, "appeals": []appealDTO{}, "repairs": []appealDTO{}, "rules": []ruleDTO{}})
	}
	list, err := h.d.Credit.Entries(c.UserContext(), appcredit.EntryFilter{MemberID: *pr.MemberID}, pageAll)
	if err != nil {
		return err
	}
	entries, err := h.entryDTOs(c, list.Items, false)
	if err != nil {
		return err
	}
	appeals, err := h.d.Credit.Appeals(c.UserContext(), "appeal", "")
	if err != nil {
		return err
	}
	repairs, err := h.d.Credit.Appeals(c.UserContext(), "repair", "")
	if err != nil {
		return err
	}
	rules := mapSlice(h.d.Credit.Rules(), func(r credit.Rule) ruleDTO {
		return ruleDTO{string(r.List), r.Criteria, r.DecidingBody, r.ValidityMonths, r.Public, r.AppealDays}
	})
	return c.JSON(fiber.Map{"entries": entries, "appeals": mapSlice(appeals, toAppealDTO), "repairs": mapSlice(repairs, toAppealDTO), "rules": rules})
}

// exportCredit shares the lists with government (8.4.1.6): current entries
// and every change since a date, as JSON or .xlsx, in one documented shape
// (docs/credit-export.md).
func (h *handlers) exportCredit(format string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		since, err := queryDay(c, "since", false, shanghai)
		if err != nil {
			return err
		}
		current, err := h.d.Credit.Entries(c.UserContext(), appcredit.EntryFilter{Status: "active"}, app.Page{Page: 1, PageSize: app.MaxPageSize})
		if err != nil {
			return err
		}
		var changes []credit.Entry
		if since != nil {
			for page := 1; ; page++ {
				l, err := h.d.Credit.Entries(c.UserContext(), appcredit.EntryFilter{Since: since}, app.Page{Page: page, PageSize: app.MaxPageSize})
				if err != nil {
					return err
				}
				changes = append(changes, l.Items...)
				if len(l.Items) < app.MaxPageSize {
					break
				}
			}
		}
		cur, err := h.entryDTOs(c, current.Items, true)
		if err != nil {
			return err
		}
		chg, err := h.entryDTOs(c, changes, true)
		if err != nil {
			return err
		}
		assoc, _, err := h.d.Governance.Association(c.UserContext())
		if err != nil {
			return err
		}
		if format == "json" {
			out := fiber.Map{"format": "huiguan.credit-lists/v1", "association": assoc.FullName, "association_uscc": string(assoc.USCC),
				"generated_at": time.Now().UTC(), "current": cur, "changes": chg}
			if since != nil {
				out["since"] = day(*since)
			}
			return c.JSON(out)
		}
		rows := make([][]string, 0, len(cur)+len(chg))
		for _, set := range []struct {
			kind  string
			items []entryDTO
		}{{"current", cur}, {"change", chg}} {
			for _, e := range set.items {
				rows = append(rows, []string{set.kind, e.List, e.MemberName, e.USCC, e.ReasonCategory, e.PublicSummary, e.ValidFrom, e.ValidUntil, e.Status, e.EndReason})
			}
		}
		i := 0
		return sendTempXLSX(c, "credit-lists.xlsx", func(f *os.File) error {
			_, err := h.d.Sheets.Write(f, "信用名单", []string{"类型 kind", "名单 list", "单位名称 name", "统一社会信用代码 uscc", "类别 category",
				"公示摘要 summary", "起始 from", "截止 until", "状态 status", "结束原因 end reason"}, func() ([]string, error) {
				if i == len(rows) {
					return nil, errEOF
				}
				i++
				return rows[i-1], nil
			})
			return err
		})
	}
}
