package mx.gob.sre.platform.curp;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link ValidCurp} and names the rule that failed in the message. */
public class CurpValidator implements ConstraintValidator<ValidCurp, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<Curp.Defect> defect = Curp.defectOf(value.strip().toUpperCase(Locale.ROOT));
        if (defect.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("CURP " + defect.get().message())
                .addConstraintViolation();
        return false;
    }
}
