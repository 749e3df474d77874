group = rootProject.group
