package api

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	appconsult "huiguan/app/consult"
	"huiguan/domain/consult"
	"huiguan/domain/errs"
	"huiguan/domain/fee"
)

type consultServiceDTO struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Category    string `json:"category"`
	ScopeItem   string `json:"scope_item"`
	Description string `json:"description"`
	FeeBasis    string `json:"fee_basis"`
	Active      bool   `json:"active"`
}

func (h *handlers) listConsultServices(c *fiber.Ctx) error {
	list, err := h.d.Consulting.Services(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(list, func(s consult.Service) consultServiceDTO { return consultServiceDTO(s) })})
}

func (h *handlers) saveConsultService(c *fiber.Ctx) error {
	var req consultServiceDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	if c.Params("id") != "" {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		req.ID = id
	} else {
		req.ID, req.Active = 0, true
	}
	s, err := h.d.Consulting.SaveService(c.UserContext(), consult.Service{ID: req.ID, Name: strings.TrimSpace(req.Name), Category: req.Category,
		ScopeItem: strings.TrimSpace(req.ScopeItem), Description: req.Description, FeeBasis: req.FeeBasis, Active: req.Active})
	if err != nil {
		return err
	}
	return c.Status(map[bool]int{true: fiber.StatusCreated, false: fiber.StatusOK}[c.Params("id") == ""]).JSON(consultServiceDTO(s))
}

type consultClientDTO struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Foreign  bool   `json:"foreign"`
	MemberID *int64 `json:"member_id"`
}

func (h *handlers) listConsultClients(c *fiber.Ctx) error {
	list, err := h.d.Consulting.Clients(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(list, func(x consult.Client) consultClientDTO {
		return consultClientDTO{x.ID, x.Name, string(x.Kind), x.Foreign, x.MemberID}
	})})
}

func (h *handlers) createConsultClient(c *fiber.Ctx) error {
	var req consultClientDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	x, err := h.d.Consulting.SaveClient(c.UserContext(), consult.Client{Name: strings.TrimSpace(req.Name), Kind: consult.ClientKind(req.Kind), Foreign: req.Foreign, MemberID: req.MemberID})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(consultClientDTO{x.ID, x.Name, string(x.Kind), x.Foreign, x.MemberID})
}

type deliverableDTO struct {
	Title  string `json:"title"`
	DueOn  string `json:"due_on"`
	Metric string `json:"metric"`
	Done   bool   `json:"done"`
}

type instalmentDTO struct {
	DueOn     string `json:"due_on"`
	AmountFen int64  `json:"amount_fen"`
}

type declarationDTO struct {
	Person   string `json:"person"`
	Conflict bool   `json:"conflict"`
	Note     string `json:"note"`
}

type complianceDTO struct {
	Reviewer   string `json:"reviewer"`
	ReviewedOn string `json:"reviewed_on"`
	Approved   bool   `json:"approved"`
	Conclusion string `json:"conclusion"`
}

type contractDTO struct {
	ID               int64            `json:"id"`
	ContractNo       string           `json:"contract_no"`
	ClientID         int64            `json:"client_id"`
	ServiceID        int64            `json:"service_id"`
	Title            string           `json:"title"`
	Scope            string           `json:"scope"`
	Team             []string         `json:"team"`
	FeeFen           int64            `json:"fee_fen"`
	PaymentPlan      []instalmentDTO  `json:"payment_plan"`
	Deliverables     []deliverableDTO `json:"deliverables"`
	Confidentiality  string           `json:"confidentiality"`
	IPTerms          string           `json:"ip_terms"`
	DataProtection   string           `json:"data_protection"`
	Declarations     []declarationDTO `json:"conflict_declarations"`
	ApplicableLaws   string           `json:"applicable_laws"`
	StartsOn         string           `json:"starts_on"`
	EndsOn           string           `json:"ends_on"`
	ForeignClient    bool             `json:"foreign_client"`
	SpecialFund      bool             `json:"special_fund"`
	SignedOn         *string          `json:"signed_on"`
	SignedDocument   string           `json:"signed_document"`
	ComplianceReview *complianceDTO   `json:"compliance_review"`
}

func toContractDTO(x consult.Contract) contractDTO {
	out := contractDTO{ID: x.ID, ContractNo: x.ContractNo, ClientID: x.ClientID, ServiceID: x.ServiceID, Title: x.Title, Scope: x.Scope,
		Team: nonNilStrings(x.Team), FeeFen: x.FeeFen, Confidentiality: x.Confidentiality, IPTerms: x.IPTerms, DataProtection: x.DataProtection,
		ApplicableLaws: x.ApplicableLaws, StartsOn: day(x.StartsOn), EndsOn: day(x.EndsOn), ForeignClient: x.Foreign, SpecialFund: x.SpecialFund,
		SignedOn: dayPtr(x.SignedOn), SignedDocument: x.SignedDocument,
		PaymentPlan: mapSlice(x.Plan, func(p consult.Instalment) instalmentDTO { return instalmentDTO{day(p.DueOn), p.AmountFen} }),
		Deliverables: mapSlice(x.Deliverables, func(d consult.Deliverable) deliverableDTO {
			return deliverableDTO{d.Title, day(d.DueOn), d.Metric, d.Done}
		}),
		Declarations: mapSlice(x.Declarations, func(d consult.Declaration) declarationDTO { return declarationDTO(d) })}
	if r := x.ComplianceReview; r != nil {
		out.ComplianceReview = &complianceDTO{r.Reviewer, day(r.ReviewedOn), r.Approved, r.Conclusion}
	}
	return out
}

func (req contractDTO) contract(id int64) (consult.Contract, error) {
	starts, err := parseDay("starts_on", req.StartsOn)
	if err != nil {
		return consult.Contract{}, err
	}
	ends, err := parseDay("ends_on", req.EndsOn)
	if err != nil {
		return consult.Contract{}, err
	}
	x := consult.Contract{ID: id, ClientID: req.ClientID, ServiceID: req.ServiceID, Title: strings.TrimSpace(req.Title), Scope: req.Scope,
		Team: req.Team, FeeFen: req.FeeFen, Confidentiality: req.Confidentiality, IPTerms: req.IPTerms, DataProtection: req.DataProtection,
		ApplicableLaws: req.ApplicableLaws, StartsOn: starts, EndsOn: ends, SpecialFund: req.SpecialFund,
		Declarations: mapSlice(req.Declarations, func(d declarationDTO) consult.Declaration { return consult.Declaration(d) })}
	for _, d := range req.Deliverables {
		due, err := parseDay("deliverables", d.DueOn)
		if err != nil {
			return x, err
		}
		x.Deliverables = append(x.Deliverables, consult.Deliverable{Title: strings.TrimSpace(d.Title), DueOn: due, Metric: d.Metric, Done: d.Done})
	}
	for _, p := range req.PaymentPlan {
		due, err := parseDay("payment_plan", p.DueOn)
		if err != nil {
			return x, err
		}
		x.Plan = append(x.Plan, consult.Instalment{DueOn: due, AmountFen: p.AmountFen})
	}
	return x, nil
}

func (h *handlers) saveContract(c *fiber.Ctx) error {
	var id int64
	if c.Params("id") != "" {
		var err error
		if id, err = paramID(c, "id"); err != nil {
			return err
		}
	}
	var req contractDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	x, err := req.contract(id)
	if err != nil {
		return err
	}
	x, err = h.d.Consulting.SaveContract(c.UserContext(), x)
	if err != nil {
		return err
	}
	return c.Status(map[bool]int{true: fiber.StatusCreated, false: fiber.StatusOK}[id == 0]).JSON(toContractDTO(x))
}

func (h *handlers) getContract(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	x, err := h.d.Consulting.Contract(c.UserContext(), id)
	if err != nil {
		return err
	}
	stages, err := h.d.Consulting.Stages(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"contract": toContractDTO(x), "stages": mapSlice(stages, toStageDTO)})
}

func (h *handlers) listContracts(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.Consulting.Contracts(c.UserContext(), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toContractDTO))
}

type stageDTO struct {
	ID         int64     `json:"id"`
	Stage      string    `json:"stage"`
	Summary    string    `json:"summary"`
	SkipReason string    `json:"skip_reason"`
	Documents  []string  `json:"documents"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

func toStageDTO(r consult.StageRecord) stageDTO {
	return stageDTO{r.ID, string(r.Stage), r.Summary, r.SkipReason, nonNilStrings(r.Documents), r.By, r.At}
}

type stageRequest struct {
	Stage      string   `json:"stage"`
	Summary    string   `json:"summary"`
	SkipReason string   `json:"skip_reason"`
	Documents  []string `json:"documents"`
}

func (h *handlers) addStage(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req stageRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	recs, err := h.d.Consulting.AddStage(c.UserContext(), id, consult.Stage(req.Stage), req.Summary, req.SkipReason, req.Documents)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"items": mapSlice(recs, toStageDTO)})
}

func (h *handlers) putCompliance(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req complianceDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("reviewed_on", req.ReviewedOn)
	if err != nil {
		return err
	}
	x, err := h.d.Consulting.RecordReview(c.UserContext(), id, consult.Review{Reviewer: strings.TrimSpace(req.Reviewer), ReviewedOn: on,
		Approved: req.Approved, Conclusion: strings.TrimSpace(req.Conclusion)})
	if err != nil {
		return err
	}
	return c.JSON(toContractDTO(x))
}

type signRequest struct {
	SignedOn string `json:"signed_on"`
	Document string `json:"document"`
}

func (h *handlers) signContract(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req signRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("signed_on", req.SignedOn)
	if err != nil {
		return err
	}
	x, err := h.d.Consulting.Sign(c.UserContext(), id, on, req.Document)
	if err != nil {
		return err
	}
	return c.JSON(toContractDTO(x))
}

func (h *handlers) markDeliverable(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	index, err := c.ParamsInt("index")
	if err != nil {
		return errs.NotFound("deliverable")
	}
	var req struct {
		Done *bool `json:"done"`
	}
	if err := decode(c, &req); err != nil {
		return err
	}
	if req.Done == nil {
		return errs.Field("done", "required")
	}
	x, err := h.d.Consulting.MarkDeliverable(c.UserContext(), id, index, *req.Done)
	if err != nil {
		return err
	}
	return c.JSON(toContractDTO(x))
}

type lineDTO struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	AmountFen int64  `json:"amount_fen"`
	SpentFen  int64  `json:"spent_fen"`
	LeftFen   int64  `json:"left_fen"`
}

type expenseDTO struct {
	ID          int64  `json:"id"`
	LineID      int64  `json:"line_id"`
	AmountFen   int64  `json:"amount_fen"`
	SpentOn     string `json:"spent_on"`
	Description string `json:"description"`
	By          string `json:"by"`
}

func (h *handlers) getBudget(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	lines, exps, err := h.d.Consulting.Budget(c.UserContext(), id)
	if err != nil {
		return err
	}
	var budget, spent int64
	for _, l := range lines {
		budget, spent = budget+l.AmountFen, spent+l.SpentFen
	}
	return c.JSON(fiber.Map{"lines": mapSlice(lines, func(l consult.BudgetLine) lineDTO {
		return lineDTO{l.ID, l.Name, l.AmountFen, l.SpentFen, l.AmountFen - l.SpentFen}
	}),
		"expenses": mapSlice(exps, func(e appconsult.Expense) expenseDTO {
			return expenseDTO{e.ID, e.LineID, e.AmountFen, day(e.SpentOn), e.Description, e.By}
		}),
		"budget_fen": budget, "spent_fen": spent})
}

type lineRequest struct {
	Name      string `json:"name"`
	AmountFen int64  `json:"amount_fen"`
}

func (h *handlers) addBudgetLine(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req lineRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	l, err := h.d.Consulting.AddBudgetLine(c.UserContext(), id, req.Name, req.AmountFen)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(lineDTO{l.ID, l.Name, l.AmountFen, l.SpentFen, l.AmountFen - l.SpentFen})
}

type expenseRequest2 struct {
	LineID      int64  `json:"line_id"`
	AmountFen   int64  `json:"amount_fen"`
	SpentOn     string `json:"spent_on"`
	Description string `json:"description"`
}

func (h *handlers) addContractExpense(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req expenseRequest2
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("spent_on", req.SpentOn)
	if err != nil {
		return err
	}
	e, err := h.d.Consulting.Charge(c.UserContext(), id, req.LineID, req.AmountFen, on, req.Description)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(expenseDTO{e.ID, e.LineID, e.AmountFen, day(e.SpentOn), e.Description, e.By})
}

type receiptRequest struct {
	AmountFen  int64  `json:"amount_fen"`
	ReceivedOn string `json:"received_on"`
	Reference  string `json:"reference"`
}

func (h *handlers) addContractReceipt(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req receiptRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("received_on", req.ReceivedOn)
	if err != nil {
		return err
	}
	r, err := h.d.Consulting.AddReceipt(c.UserContext(), id, req.AmountFen, on, req.Reference)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": r.ID, "amount_fen": r.AmountFen, "received_on": day(r.ReceivedOn), "reference": r.Reference})
}

func (h *handlers) listContractReceipts(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	rs, err := h.d.Consulting.Receipts(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(rs, func(r appconsult.Receipt) fiber.Map {
		return fiber.Map{"id": r.ID, "amount_fen": r.AmountFen, "received_on": day(r.ReceivedOn), "reference": r.Reference, "by": r.By}
	})})
}

// exportContracts writes the contract register with each contract's
// current stage and budget-versus-actual.
func (h *handlers) exportContracts(c *fiber.Ctx) error {
	var rows [][]string
	for page := 1; ; page++ {
		list, err := h.d.Consulting.Contracts(c.UserContext(), pageOfN(page))
		if err != nil {
			return err
		}
		for _, x := range list.Items {
			stages, err := h.d.Consulting.Stages(c.UserContext(), x.ID)
			if err != nil {
				return err
			}
			stage := ""
			if len(stages) > 0 {
				stage = string(stages[len(stages)-1].Stage)
			}
			lines, _, err := h.d.Consulting.Budget(c.UserContext(), x.ID)
			if err != nil {
				return err
			}
			var budget, spent int64
			for _, l := range lines {
				budget, spent = budget+l.AmountFen, spent+l.SpentFen
			}
			signed := ""
			if x.SignedOn != nil {
				signed = day(*x.SignedOn)
			}
			rows = append(rows, []string{x.ContractNo, x.Title, strconv.FormatInt(x.ClientID, 10), yuan(x.FeeFen), day(x.StartsOn), day(x.EndsOn),
				signed, stage, map[bool]string{true: "是", false: "否"}[x.SpecialFund], map[bool]string{true: "是", false: "否"}[x.Foreign], yuan(budget), yuan(spent)})
		}
		if len(list.Items) < 200 {
			break
		}
	}
	i := 0
	return sendTempXLSX(c, "consulting-contracts.xlsx", func(f *os.File) error {
		_, err := h.d.Sheets.Write(f, "咨询合同台账", []string{"合同编号", "项目名称", "委托方", "合同金额（元）", "开始", "结束", "签订日期",
			"当前阶段", "专项资金", "境外委托", "预算（元）", "已支出（元）"}, func() ([]string, error) {
			if i == len(rows) {
				return nil, errEOF
			}
			i++
			return rows[i-1], nil
		})
		return err
	})
}

func pageOfN(n int) app.Page { return app.Page{Page: n, PageSize: app.MaxPageSize} }

func yuan(fen int64) string { return fee.Yuan(fen) }
