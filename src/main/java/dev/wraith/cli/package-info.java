/** picocli commands and option mixins; maps outcomes to exit codes. Nothing else. */
package dev.wraith.cli;
