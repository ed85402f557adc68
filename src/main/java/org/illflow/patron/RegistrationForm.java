package org.illflow.patron;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an applicant fills in. Used by the Register page and, without a password, by staff registering
 * someone from Tasklist's start form. Messages are keys of messages*.properties, shown in the page's language.
 */
public class RegistrationForm {

    @NotBlank(message = "{registration.name.required}")
    @Size(max = 100, message = "{registration.name.size}")
    private String name;

    @NotBlank(message = "{registration.cardNumber.required}")
    @Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "{registration.cardNumber.pattern}")
    private String cardNumber;

    @NotBlank(message = "{registration.email.required}")
    @Email(message = "{registration.email.invalid}")
    @Size(max = 254, message = "{registration.email.invalid}")
    private String email;

    @NotBlank(message = "{registration.phone.required}")
    @Pattern(regexp = "[0-9+()\\- ]{6,30}", message = "{registration.phone.pattern}")
    private String phone;

    @NotNull(message = "{registration.patronType.required}")
    private PatronType patronType;

    @NotBlank(message = "{registration.college.required}")
    @Size(max = 100, message = "{registration.college.size}")
    private String college;

    @NotBlank(message = "{registration.language.required}")
    @Pattern(regexp = "zh|en", message = "{registration.language.required}")
    private String language = "zh";

    /** Null when staff register on someone's behalf: the patron then sets it with a mailed activation code. */
    private String password;

    private String passwordConfirmation;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trim(name);
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = trim(cardNumber);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = trim(email);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = trim(phone);
    }

    public PatronType getPatronType() {
        return patronType;
    }

    public void setPatronType(PatronType patronType) {
        this.patronType = patronType;
    }

    public String getCollege() {
        return college;
    }

    public void setCollege(String college) {
        this.college = trim(college);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = trim(language);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
