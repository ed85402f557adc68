package org.illflow.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a patron may change about themselves. */
public class ProfileForm {

    @NotBlank(message = "{registration.email.required}")
    @Email(message = "{registration.email.invalid}")
    @Size(max = 254, message = "{registration.email.invalid}")
    private String email;

    @NotBlank(message = "{registration.phone.required}")
    @Pattern(regexp = "[0-9+()\\- ]{6,30}", message = "{registration.phone.pattern}")
    private String phone;

    @NotNull(message = "{registration.language.required}")
    @Pattern(regexp = "zh|en", message = "{registration.language.required}")
    private String language;

    public String getEmail() { return email; }
    public void setEmail(String v) { email = v == null ? null : v.strip(); }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v == null ? null : v.strip(); }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
}
