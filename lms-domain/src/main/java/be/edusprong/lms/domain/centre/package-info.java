/** Centres (CVO, CBE): the tenant boundary of the platform; staff see only their own centre. */
package be.edusprong.lms.domain.centre;
