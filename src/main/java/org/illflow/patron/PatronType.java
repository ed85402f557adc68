package org.illflow.patron;

/** The patron types the library counts its service by. Which of them may register is a setting. */
public enum PatronType {
    FACULTY,
    STAFF,
    PHD_STUDENT,
    MASTER_STUDENT,
    UNDERGRADUATE
}
