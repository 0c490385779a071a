/**
 * @epigrid/sim — a deterministic synthetic city (regions, households, people, places, staff)
 * generated from a seed and a size, and loaded into the EpiGrid database for demos and benchmarks.
 */
export type { ProgressListener } from './bulk.js';
export { cityCounts, generateCity, maxCityPeople, personAt } from './city.js';
export type { CityCounts, CityOptions } from './city.js';
export { defaultCityDate } from './dates.js';
export { createDemoCity, isDatabaseEmpty } from './demo-city.js';
export type { DemoCityOptions, DemoCityReport } from './demo-city.js';
export { loadCity } from './load-city.js';
export type { LoadCityOptions } from './load-city.js';
export { occupations } from './model.js';
export type {
  City,
  CityGridWorker,
  CityHouseholds,
  CityIsolationRoom,
  CityPeople,
  CityPerson,
  CityPlace,
  CityRegion,
  CityRegionLevel,
  CityStation,
  DemoLogin,
  Occupation,
  PlaceKind,
} from './model.js';
export { demoAccounts, demoLogins, demoPassword } from './staff.js';
export type { RegionNames } from './staff.js';

// The city in motion: routines, presence data, the outbreak and its ground truth.
export { DemoDriver } from './demo/demo-driver.js';
export { neighbourPublisher, neighbourRiskAreas } from './demo/neighbour-risk-areas.js';
export type { AfterDay, DaySummary, DemoDriverOptions, DriverState, IngestDay } from './demo/demo-driver.js';
export { evaluate } from './evaluate/evaluate.js';
export type { Evaluation, EvaluationFigures, FoundCase, PlatformFindings, TracedContact, TruthInfection } from './evaluate/evaluate.js';
export { readInterventionLog, readReportedCases, readTruth } from './evaluate/run-files.js';
export { CsvWriter, csvField } from './output/csv-writer.js';
export type { CsvValue } from './output/csv-writer.js';
export { parseCsv, readCsvRecords } from './output/csv-reader.js';
export { dayHeaders, daySources, writeDayFiles } from './output/day-files.js';
export type { DayFile, DaySource, WrittenDay } from './output/day-files.js';
export { intrinsicGenerationInterval } from './outbreak/natural-history.js';
export type { Infection, RecordedBy, Setting } from './outbreak/outbreak-state.js';
export type { CaseReport, LabResult } from './outbreak/observation.js';
export type { LoggedRestriction, RestrictionSource } from './outbreak/restriction-book.js';
export { noInterventions } from './outbreak/restrictions.js';
export type { AreaLockdown, InterventionFeed, PersonRestriction, Restriction, RestrictionKind } from './outbreak/restrictions.js';
export { defaultSimConfig, resolveSimConfig } from './outbreak/sim-config.js';
export type { InfectiousnessProfile, LognormalDays, MassTesting, SimConfig, SimConfigInput, TransmissionRates } from './outbreak/sim-config.js';
export { SimClock } from './outbreak/sim-clock.js';
export { Simulation } from './outbreak/simulation.js';
export type { DayResult, SimulationTotals } from './outbreak/simulation.js';
