package mx.gob.sre.platform.curp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CurpTest {

    @Test
    void shouldAcceptRenapoExampleAndReadItsParts() {
        Curp curp = Curp.parse(" hegg560427mvzrrl04 ");
        assertThat(curp.value()).isEqualTo("HEGG560427MVZRRL04");
        assertThat(curp.birthDate()).isEqualTo(LocalDate.of(1956, 4, 27));
        assertThat(curp.sex()).isEqualTo('M');
        assertThat(curp.birthState()).isEqualTo("VZ");
        assertThat(curp.bornAbroad()).isFalse();
        assertThat(curp.masked()).isEqualTo("HEGG*************4").doesNotContain("560427");
        assertThat(curp.toString()).isEqualTo(curp.masked());
    }

    @Test
    void shouldReadCenturyFromHomoclave() {
        String first17 = "GARC050101HNEXYZA";
        Curp curp = Curp.parse(first17 + Curp.checkDigit(first17));
        assertThat(curp.birthDate()).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(curp.bornAbroad()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "HEGG560427MVZRRL0, FORMAT",
        "HEGG560427MVZRRL045, FORMAT",
        "1EGG560427MVZRRL04, FORMAT",
        "HEGG560427QVZRRL04, FORMAT",
        "HEGG561327MVZRRL04, DATE",
        "HEGG560230MVZRRL04, DATE",
        "HEGG560427MZZRRL04, STATE",
        "HEGG560427MVZRRL05, CHECK_DIGIT"
    })
    void shouldNameTheRuleABadCurpBreaks(String candidate, Curp.Defect defect) {
        assertThat(Curp.defectOf(candidate)).contains(defect);
        assertThatThrownBy(() -> Curp.parse(candidate)).isInstanceOf(InvalidCurpException.class)
                .extracting(e -> ((InvalidCurpException) e).defect()).isEqualTo(defect);
    }

    @Test
    void shouldAcceptLeapDayOnlyInLeapYears() {
        String leap = "GARC000229HNEXYZA";
        assertThat(Curp.defectOf(leap + Curp.checkDigit(leap))).isEmpty();
        String notLeap = "GARC010229HNEXYZA";
        assertThat(Curp.defectOf(notLeap + Curp.checkDigit(notLeap))).contains(Curp.Defect.DATE);
    }
}
