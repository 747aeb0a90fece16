/// <reference path="../pb_data/types.d.ts" />
// After the works and above them: long-term management per compound, supervision (督办 items, the score's weights),
// each department's duty records and reports on record — rules in lib/oversight.js. (Handlers run in their own VM
// scope: each line names its rule itself.)

onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkArrangement(e); e.next(); }, "management_arrangements");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkArrangement(e); e.next(); }, "management_arrangements");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkFund(e); e.next(); }, "maintenance_funds");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkFund(e); e.next(); }, "maintenance_funds");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkManagementCheck(e); e.next(); }, "management_checks");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkManagementCheck(e); e.next(); }, "management_checks");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkSupervisionItem(e); e.next(); }, "supervision_items");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkSupervisionItem(e); e.next(); }, "supervision_items");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkBudgetApplication(e); e.next(); }, "budget_applications");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkBudgetApplication(e); e.next(); }, "budget_applications");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkLandRecord(e); e.next(); }, "land_records");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkLandRecord(e); e.next(); }, "land_records");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkAuditFinding(e); e.next(); }, "audit_findings");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkAuditFinding(e); e.next(); }, "audit_findings");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkElderlySubsidy(e); e.next(); }, "elderly_subsidies");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkElderlySubsidy(e); e.next(); }, "elderly_subsidies");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkYearSummary(e); e.next(); }, "year_summaries");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkYearSummary(e); e.next(); }, "year_summaries");
onRecordCreateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkMonthlyReport(e); e.next(); }, "monthly_reports");
onRecordUpdateRequest((e) => { require(`${__hooks}/lib/oversight.js`).checkSettings(e); e.next(); }, "programme_settings");
