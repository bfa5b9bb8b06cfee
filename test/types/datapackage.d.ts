/** The Frictionless datapackage library ships no types; the test reads it through its own narrow cast. */
declare module 'datapackage';
