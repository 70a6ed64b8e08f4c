/**
 * The DigComp 2.2 competence framework (Vuorikari, Kluzer and Punie, JRC 2022): 5 areas, 21
 * competences, 8 proficiency levels, in Dutch and English. Loaded as data, never edited in the UI.
 */
package be.edusprong.lms.domain.competence;
