"""What runs inside or around a grading kernel: the sandbox, the kernel launcher, the grade cell,
answer capture and keys."""
