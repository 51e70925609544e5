module huiguan

go 1.26
