/**
 * 表格附属文字 — the lines printed around a table that are not its title or its cells, shared by the PDF
 * and block importers: notes (说明/注/备注), numbering and year furniture ("预算01表", "表1", "（2021年度）"),
 * and the "续表" of a table continued on the next page.
 */
export const NOTE = /^(说明|注|备注)\s*\d*\s*[:：]/;
export const FURNITURE = /^[（(]\s*\d{4}\s*年度?\s*[)）]$|^(预算|公开|部门预算|决算)\s*\d+\s*表$|^附?表\s*[\d一二三四五六七八九十]+$|^[（(]?续表?[)）]?$/;
export const CONTINUED = /^[（(]?续表?[)）]?$|（续[表]?）$|\(续表?\)$/;
