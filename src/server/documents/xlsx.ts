import type ExcelJS from 'exceljs';

/**
 * A new workbook. ExcelJS is loaded the first time one is made, not at start: it and the zip
 * libraries it brings took about 0.55 s of the server's 2.5–3.5 s import, for the few requests that
 * ask for a spreadsheet.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'OVOP';
  return workbook;
}
