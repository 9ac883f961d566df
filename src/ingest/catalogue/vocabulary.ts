/**
 * IOM's taxonomy as its evaluation repository exports spell it (the export of 13 November
 * 2025). Values with commas inside are why multi-valued cells cannot be split at every comma;
 * the lists also tell a value of the taxonomy from a new or misspelt one (kept, and warned).
 */
import { Vocabulary } from './cells.js';

export const THEMATIC_AREAS = new Vocabulary('migration thematic areas', [
  'Assistance to vulnerable migrants',
  'Border and identity solutions (border management, security, border assessment etc)',
  'Counter trafficking',
  'Donor(s) assessment',
  'Facilitated migration services (consular services, visas, self-payer support)',
  'International Migration law',
  'Labour migration (ethical recruitment, labour market etc)',
  'Land, property and reparations (LPR)',
  'Media and communications',
  'Migrant training and integration (including community cohesion)',
  'Migration and Development - community development',
  'Migration and Development - diaspora',
  'Migration and Development - mainstreaming migration into development',
  'Migration and Development - remittances and financial empowerment',
  'Migration and climate change',
  'Migration health (assessment, travel, health promotion, crisis-affected)',
  'Migration health policy and partnerships',
  'Migration policy - dialogue, consultations etc and Migration Management',
  'Migration research',
  'Multiple thematic overview',
  'Organisational policy/strategy',
  'Partnerships',
  'Preparedness and Response - Camp coordination camp management',
  'Preparedness and Response - Disaster risk management',
  'Preparedness and Response - Displacement Tracking matrix',
  'Preparedness and Response - Emergency preparedness',
  'Preparedness and Response - Emergency response (including shelter, NFIs, WASH)',
  'Preparedness and Response - assistance to displaced populations',
  'Resettlement and Movement Management (RMM)',
  'Return and AVRR',
  'Transition Recovery - community stabilisation',
  'Transition Recovery - disarmament demobilisation and reintegration',
  'Transition Recovery - disaster risk reduction',
  'Transition Recovery - durable solutions',
  'Transition Recovery - early recovery',
  'Transition Recovery - election assistance and out of country voting',
  'Transition Recovery - peacebuilding and peace preservation',
  'Transition Recovery - preventing violent extremism',
]);

export const CROSS_CUTTING_THEMES = new Vocabulary('cross-cutting themes', [
  'Accountability to affected populations',
  'Environment',
  'Gender',
  'Mainstreaming protection into crisis response',
  'Principled humanitarian action',
  'Rights-based approach',
]);

export const REGIONS = new Vocabulary('regions', [
  'Global',
  'HQ Geneva',
  'RO for Asia and the Pacific',
  'RO for East Horn and Southern Africa',
  'RO for Europe and Central Asia',
  'RO for Latin America and the Caribbean',
  'RO for Middle East and North Africa',
  'RO for West and Central Africa',
]);

export const SCOPES = new Vocabulary('evaluation scopes', ['Policy', 'Programme/Project', 'Strategy', 'Synthesis', 'Thematic']);

/** Donors whose names contain a comma (the Donor cell is otherwise split at commas). */
export const COMPOUND_DONORS = new Vocabulary('donors with a comma in their name', [
  'African, Caribbean and Pacific Groups of States Observatory on Migration',
  'African, Caribbean and Pacific Group of States Observatory on Migration',
], false);

export const DOCUMENT_SUBTYPES = new Vocabulary('document subtypes', [
  'Evaluation report',
  'External evaluation report',
  'Internal evaluation report',
  'Evaluation brief',
  'Evaluation summary',
  'Management response',
  'Annexes',
  'Special related reports/documents',
]);
