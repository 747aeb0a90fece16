// The year's plan as files: XLSX (exceljs, the export module's writer) and PDF (the print sheet's PDF writer, one A4
// page after another). Both in Chinese whatever the screen's language: they are the document the city files.
import { xlsxBytes, XLSX_MIME } from '../../export/xlsx';
import { AUDIENCE_TEXT, beijingTime, DEMO_TEXT } from '../../export/note';
import { A4_PORTRAIT, planDocumentPages, planDocumentSheet, type PlanDocument } from '../../programme/plan-document';
import { downloadBlob } from '../download';

const base = (doc: PlanDocument) => `汾阳市${doc.year}年度老旧小区改造计划${doc.demo ? '-示例数据' : ''}`;

export async function downloadPlanXlsx(doc: PlanDocument, dataTime: Date): Promise<void> {
  const notes = [`数据范围：${AUDIENCE_TEXT.staff}`, `数据时间：${beijingTime(dataTime)}`, ...(doc.demo ? [DEMO_TEXT] : [])];
  downloadBlob(await xlsxBytes([planDocumentSheet(doc, notes)]), `${base(doc)}.xlsx`, XLSX_MIME);
}

export async function planPdfBytes(doc: PlanDocument, dataTime: Date): Promise<Uint8Array> {
  const pages = planDocumentPages(doc, { dataTime: `数据时间：${beijingTime(dataTime)}`, demoLabel: '示例数据' });
  // pdf-lib is loaded only when a PDF is made (as the print sheet does).
  const { pagesPdf } = await import('../../export/sheet-pdf');
  return pagesPdf(pages, A4_PORTRAIT, null, {
    title: doc.title, subject: doc.jointNumber ? `联合发文 ${doc.jointNumber} 附件` : '年度计划(草案)',
    keywords: ['汾阳市', '老旧小区改造', '年度计划', ...(doc.demo ? ['示例数据'] : [])], date: dataTime,
  });
}

export async function downloadPlanPdf(doc: PlanDocument, dataTime: Date): Promise<void> {
  downloadBlob(await planPdfBytes(doc, dataTime), `${base(doc)}.pdf`, 'application/pdf');
}
